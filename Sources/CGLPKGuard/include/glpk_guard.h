#ifndef SRO_GLPK_GUARD_H
#define SRO_GLPK_GUARD_H

/// The GLPK calls that could reach GLPK's fatal-error path, each run under
/// glp_error_hook + setjmp/longjmp. A fatal error frees the calling thread's
/// GLPK environment (and with it every problem object of the thread) and
/// returns SRO_GUARD_FATAL instead of aborting the process.
///
/// This header deliberately does not include <glpk.h>: Swift sees GLPK's own
/// types only through the CGLPK module, so they are never declared twice.

struct glp_prob;

/// Returned by every guarded call.
enum {
  SRO_GUARD_OK = 0,
  /// GLPK reported a fatal error; the thread's environment has been freed.
  SRO_GUARD_FATAL = -1
};

/// Options of one branch-and-cut run, and what the run reports back.
typedef struct sro_mip_params {
  int msg_level;
  int time_limit_ms;          /* 0: none */
  int node_limit;             /* 0: none; else stop once this many nodes were created */
  double mip_gap;
  int presolve;
  int gomory_cuts;
  int mir_cuts;
  int cover_cuts;
  int clique_cuts;
  int feasibility_pump;
  int proximity_search;
  int proximity_time_limit_ms;
  int output_frequency_ms;    /* 0: GLPK's default */
  /* A starting incumbent, 1-based (element 0 unused), or NULL. */
  const double *start;
  /* Stop as soon as the incumbent's objective (GLPK's units) is at most
     target + target_tolerance (minimisation) or at least
     target - target_tolerance (maximisation). */
  int has_target;
  double target;
  double target_tolerance;
  /* A bound another thread may lower at any time (sro_value_lower), in the
     model's units (model value = GLPK value / objective_scale +
     objective_constant), or NULL: the run (a minimisation) ends once its
     own bound is at least it, as a roster found elsewhere is then proven
     optimal. NaN or infinite: ignored (none set yet). Ignored for a
     maximisation, whose bound falls. */
  const double *bound_goal;
  double objective_scale;
  double objective_constant;
  /* A flag another thread may raise (sro_stop_raise) to end the run at the
     next point it is looked at (before the first LP, at every callback), or
     NULL. */
  const int *stop;
  /* A basis for the LP that runs before branch-and-cut without the
     presolver (GLPK's GLP_BS/NL/NU/NF/NS per row and per column, 1-based
     with element 0 unused, one entry per row and column), or NULL for
     GLPK's advanced initial basis. A basis GLPK cannot factorise is
     replaced by the advanced one. */
  const int *row_status;
  const int *column_status;
  /* Set by the guard: glp_time() when the run began, so that the time
     limit covers the initial LP too and is checked at every callback. */
  double began;
  /* Set by the guard: when the round of GLPK's own cuts at the root under
     way began (ms into the run; negative when none is), and how long the
     longest such round took, so that a round the time left cannot hold
     is not started (without a node limit only). */
  double cut_round_began;
  double longest_cut_round;
  /* Outputs. */
  int start_offered;
  int start_accepted;
  int has_bound;
  double best_bound;
  /* 1 when the time limit ended the run (GLPK's own, or the guard's look
     at the clock); 0 when it ended otherwise (done, the gap, the target,
     the bound goal, the node limit, a stop request). */
  int ended_for_time;
} sro_mip_params;

/// Loads a whole model into the empty problem `problem`. Columns and rows
/// are 0-based here (arrays of num_cols / num_rows entries); the matrix
/// triplets are 1-based with element 0 unused, as glp_load_matrix wants.
/// Kinds are GLP_CV/GLP_IV/GLP_BV, types GLP_FR/LO/UP/DB/FX.
int sro_guard_load(struct glp_prob *problem, int maximize, int num_cols,
                   const int *col_kind, const int *col_type, const double *col_lb,
                   const double *col_ub, const double *col_obj, int num_rows,
                   const int *row_type, const double *row_lb, const double *row_ub,
                   int num_nonzeros, const int *ia, const int *ja, const double *ar);

/// Raises a stop flag (an atomic store; any thread).
void sro_stop_raise(int *stop);

/// Whether a stop flag is raised (an atomic load; any thread).
int sro_stop_is_raised(const int *stop);

/// Stores `value` in `*target` if it is below the value there (or that is
/// NaN): an atomic compare-and-swap loop, so writers on any threads only
/// ever lower it.
void sro_value_lower(double *target, double value);

/// The value in `*source` (an atomic load; any thread).
double sro_value_load(const double *source);

/// glp_simplex with the given message level and time limit (ms, 0 none).
/// With `presolve`, one run of GLPK's presolving simplex. Without it, the
/// simplex method from GLPK's advanced initial basis (`advanced_basis`) or
/// from the problem's current basis, looking at `stop` (may be NULL) before
/// it starts; GLP_ESTOP in *result when it was raised. GLPK's return code
/// in *result.
int sro_guard_simplex(struct glp_prob *problem, int msg_level, int time_limit_ms,
                      int presolve, int advanced_basis, const int *stop, int *result);

/// The simplex method without the presolver from the basis `row_status`,
/// `column_status` (1-based, element 0 unused, each GLP_BS..GLP_NS), or
/// from GLPK's advanced initial basis when GLPK cannot factorise that one.
/// `stop` and *result as for sro_guard_simplex.
int sro_guard_simplex_from_basis(struct glp_prob *problem, int msg_level, int time_limit_ms,
                                 const int *row_status, const int *column_status,
                                 const int *stop, int *result);

/// glp_intopt (after the simplex method from the advanced basis when the
/// presolver is off); GLPK's return code in *result: GLP_ESTOP when the
/// callback ended the search (params->stop raised, the target met, the
/// bound goal met, the node limit, or the time limit, which
/// params->ended_for_time tells).
int sro_guard_intopt(struct glp_prob *problem, sro_mip_params *params, int *result);

/// Adds one column with bounds `type`/`lb`/`ub` (GLP_LO/DB/FX), objective
/// coefficient `cost` and `count` matrix entries: `rows` and `values` are
/// 1-based with element 0 unused, as glp_set_mat_col wants (row numbers in
/// range, none twice). The new column's number in *column.
int sro_guard_add_column(struct glp_prob *problem, int type, double lb, double ub,
                         double cost, int count, const int *rows, const double *values,
                         int *column);

/// The problem's current basis: each row's and column's GLPK status into
/// `row_status` and `column_status` (1-based, element 0 unused).
void sro_get_basis(struct glp_prob *problem, int *row_status, int *column_status);

/// glp_read_mps (free or fixed format) into `problem`; GLPK's code in *result.
int sro_guard_read_mps(struct glp_prob *problem, int free_format, const char *path,
                       int *result);

/// glp_read_lp (CPLEX LP) into `problem`; GLPK's code in *result.
int sro_guard_read_lp(struct glp_prob *problem, const char *path, int *result);

/// glp_set_col_bnds, unchecked: only the guard's own tests call it with bad
/// arguments, to prove that the fatal path is caught.
int sro_guard_set_col_bnds(struct glp_prob *problem, int column, int type, double lb,
                           double ub);

#endif
