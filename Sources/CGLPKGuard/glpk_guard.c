#include "glpk_guard.h"

#include <glpk.h>
#include <setjmp.h>
#include <stddef.h>

static void on_glpk_error(void *info) { longjmp(*(jmp_buf *)info, 1); }

/* Runs `statement` with GLPK's error hook pointing at a jump buffer on this
   frame. Only C frames lie between the hook and the setjmp. */
#define GUARDED(statement)                                                     \
  do {                                                                         \
    jmp_buf env;                                                               \
    if (setjmp(env)) {                                                         \
      glp_error_hook(NULL, NULL);                                              \
      glp_free_env();                                                          \
      return SRO_GUARD_FATAL;                                                  \
    }                                                                          \
    glp_error_hook(on_glpk_error, &env);                                       \
    statement;                                                                 \
    glp_error_hook(NULL, NULL);                                                \
  } while (0)

int sro_guard_load(struct glp_prob *P, int maximize, int num_cols, const int *col_kind,
                   const int *col_type, const double *col_lb, const double *col_ub,
                   const double *col_obj, int num_rows, const int *row_type,
                   const double *row_lb, const double *row_ub, int num_nonzeros,
                   const int *ia, const int *ja, const double *ar) {
  GUARDED({
    glp_set_obj_dir(P, maximize ? GLP_MAX : GLP_MIN);
    if (num_cols > 0) glp_add_cols(P, num_cols);
    for (int j = 0; j < num_cols; j++) {
      glp_set_col_kind(P, j + 1, col_kind[j]);
      glp_set_col_bnds(P, j + 1, col_type[j], col_lb[j], col_ub[j]);
      glp_set_obj_coef(P, j + 1, col_obj[j]);
    }
    if (num_rows > 0) glp_add_rows(P, num_rows);
    for (int i = 0; i < num_rows; i++) glp_set_row_bnds(P, i + 1, row_type[i], row_lb[i], row_ub[i]);
    glp_load_matrix(P, num_nonzeros, ia, ja, ar);
  });
  return SRO_GUARD_OK;
}

/* Whether `stop` (if any) has been raised. */
static int stop_requested(const int *stop) {
  return stop != NULL && __atomic_load_n(stop, __ATOMIC_RELAXED) != 0;
}

void sro_stop_raise(int *stop) { __atomic_store_n(stop, 1, __ATOMIC_RELAXED); }

int sro_stop_is_raised(const int *stop) { return stop_requested(stop); }

void sro_value_lower(double *target, double value) {
  double current = sro_value_load(target);
  while (current != current || value < current) {
    if (__atomic_compare_exchange(target, &current, &value, 0, __ATOMIC_RELAXED,
                                  __ATOMIC_RELAXED))
      return;
  }
}

double sro_value_load(const double *source) {
  double value;
  __atomic_load(source, &value, __ATOMIC_RELAXED);
  return value;
}

/* The simplex method from the problem's current basis, in one run: `stop`
   is looked at before it starts, the time limit covers it. (Runs of a few
   thousand iterations each, `stop` looked at between them, cost 3-90% more
   iterations; see docs/solving.md#the-root-lp.) Returns GLPK's code;
   GLP_ESTOP when `stop` was raised. */
static int simplex_once(glp_prob *P, glp_smcp *parm, int time_limit_ms, const int *stop) {
  if (stop_requested(stop)) return GLP_ESTOP;
  if (time_limit_ms > 0) parm->tm_lim = time_limit_ms;
  return glp_simplex(P, parm);
}

/* The LP of `P` without the presolver: from GLPK's advanced initial basis
   (a triangular crash, as glpsol starts) when `advanced_basis`, else from
   the problem's current basis. The all-slack basis GLPK starts from
   otherwise took 27,824 iterations on a week whose LP needs 1,448 from
   the advanced one. */
static int plain_simplex(glp_prob *P, int msg_level, int time_limit_ms, int advanced_basis,
                         const int *stop) {
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = msg_level;
  parm.presolve = GLP_OFF;
  if (advanced_basis) glp_adv_basis(P, 0);
  return simplex_once(P, &parm, time_limit_ms, stop);
}

int sro_guard_simplex(struct glp_prob *problem, int msg_level, int time_limit_ms,
                      int presolve, int advanced_basis, const int *stop, int *result) {
  if (presolve) {
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = msg_level;
    if (time_limit_ms > 0) parm.tm_lim = time_limit_ms;
    parm.presolve = GLP_ON;
    GUARDED(*result = glp_simplex(problem, &parm));
  } else {
    GUARDED(*result = plain_simplex(problem, msg_level, time_limit_ms, advanced_basis, stop));
  }
  return SRO_GUARD_OK;
}

static void set_basis(glp_prob *P, const int *row_status, const int *column_status);

/* From the given basis; from the advanced one when GLPK cannot factorise
   it, for what is left of the time limit (GLPK returns these codes before
   its first iteration, so that is nearly all of it: the limit still
   covers both attempts). */
static int simplex_from_basis(glp_prob *P, int msg_level, int time_limit_ms,
                              const int *row_status, const int *column_status, const int *stop) {
  double began = glp_time();
  set_basis(P, row_status, column_status);
  int code = plain_simplex(P, msg_level, time_limit_ms, 0, stop);
  if (code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND) {
    int left = time_limit_ms;
    if (time_limit_ms > 0) {
      left = time_limit_ms - (int)(1000.0 * glp_difftime(glp_time(), began));
      if (left < 1) return GLP_ETMLIM;
    }
    code = plain_simplex(P, msg_level, left, 1, stop);
  }
  return code;
}

int sro_guard_simplex_from_basis(struct glp_prob *problem, int msg_level, int time_limit_ms,
                                 const int *row_status, const int *column_status,
                                 const int *stop, int *result) {
  GUARDED(*result = simplex_from_basis(problem, msg_level, time_limit_ms, row_status,
                                       column_status, stop));
  return SRO_GUARD_OK;
}

/* Whether the tree's incumbent, if any, meets the caller's target. */
static int incumbent_meets_target(glp_tree *tree, const sro_mip_params *p) {
  glp_prob *mip = glp_ios_get_prob(tree);
  int status = glp_mip_status(mip);
  if (!p->has_target || (status != GLP_FEAS && status != GLP_OPT)) return 0;
  double value = glp_mip_obj_val(mip);
  if (glp_get_obj_dir(mip) == GLP_MAX) return value >= p->target - p->target_tolerance;
  return value <= p->target + p->target_tolerance;
}

/* Milliseconds since the run began. */
static double elapsed_ms(const sro_mip_params *p) {
  return 1000.0 * glp_difftime(glp_time(), p->began);
}

/* Ends the search because its time is up. */
static void end_for_time(glp_tree *tree, sro_mip_params *p) {
  p->ended_for_time = 1;
  glp_ios_terminate(tree);
}

/* Whether the search is at the root node. */
static int at_root(glp_tree *tree) {
  int node = glp_ios_curr_node(tree);
  return node != 0 && glp_ios_node_level(tree, node) == 0;
}

/* GLPK's own cuts at the root are generated between the GLP_ICUTGEN call
   and the next one, without a look at the clock: on a 14,500-row model a
   round took 0.6-1.3 s. A round that ends past the time limit is wasted
   (GLPK stops before it solves the LP with the new cuts), so one is not
   started when the longest round so far would end past it: the run ends
   for time. Not in a search with a node limit (re-staffing's small
   searches, whose rounds take milliseconds): ending those this way made
   the rosters of a week whose LP takes 12 s worse at 2 s in 4 runs of 4
   (by about 3%; why was not traced). */
static void time_cut_rounds(glp_tree *tree, sro_mip_params *p, double now) {
  if (p->cut_round_began >= 0) {
    double round = now - p->cut_round_began;
    if (round > p->longest_cut_round) p->longest_cut_round = round;
    p->cut_round_began = -1;
  }
  if (p->node_limit > 0 || glp_ios_reason(tree) != GLP_ICUTGEN || !at_root(tree)) return;
  if (p->time_limit_ms > 0 && now + p->longest_cut_round >= p->time_limit_ms)
    end_for_time(tree, p);
  else
    p->cut_round_began = now;
}

/* Whether the run's bound has reached the caller's goal (bound_goal); never
   for a maximisation, whose bound falls. */
static int bound_meets_goal(glp_tree *tree, const sro_mip_params *p) {
  if (p->bound_goal == NULL || !p->has_bound) return 0;
  if (glp_get_obj_dir(glp_ios_get_prob(tree)) == GLP_MAX) return 0;
  double goal = sro_value_load(p->bound_goal);
  if (goal != goal || goal > 1e300 || goal < -1e300) return 0;
  return p->best_bound >= (goal - p->objective_constant) * p->objective_scale;
}

static void on_branch_and_cut(glp_tree *tree, void *info) {
  sro_mip_params *p = info;
  double now = elapsed_ms(p);
  time_cut_rounds(tree, p, now);
  int best = glp_ios_best_node(tree);
  if (best != 0) {
    /* A node whose LP is not solved yet has bound -DBL_MAX: no bound. */
    double bound = glp_ios_node_bound(tree, best);
    if (bound > -1e300 && bound < 1e300) {
      p->best_bound = bound;
      p->has_bound = 1;
    }
  }
  if (glp_ios_reason(tree) == GLP_IHEUR && p->start != NULL && !p->start_offered) {
    p->start_offered = 1;
    p->start_accepted = glp_ios_heur_sol(tree, p->start) == 0;
  }
  /* Checked on every call, so an incumbent from any source (an integral
     node, a heuristic, the starting solution just offered) stops the
     search at the next point GLPK looks at the flag. */
  if (incumbent_meets_target(tree, p)) glp_ios_terminate(tree);
  if (bound_meets_goal(tree, p)) glp_ios_terminate(tree);
  /* GLPK checks tm_lim only at a few points (its LPs, the top of each
     round at a node); looking at the clock on every callback as well ends
     a long root (cuts, heuristics) sooner. */
  if (now >= p->time_limit_ms && p->time_limit_ms > 0) end_for_time(tree, p);
  if (stop_requested(p->stop)) glp_ios_terminate(tree);
  if (p->node_limit > 0) {
    int nodes = 0;
    glp_ios_tree_size(tree, NULL, NULL, &nodes);
    if (nodes >= p->node_limit) glp_ios_terminate(tree);
  }
}

/* Sets every row's and column's basis status; statuses that do not fit a
   row's or column's bounds are corrected by GLPK itself. The caller checked
   that each status is one of GLP_BS..GLP_NS. */
static void set_basis(glp_prob *P, const int *row_status, const int *column_status) {
  int rows = glp_get_num_rows(P), columns = glp_get_num_cols(P);
  for (int i = 1; i <= rows; i++) glp_set_row_stat(P, i, row_status[i]);
  for (int j = 1; j <= columns; j++) glp_set_col_stat(P, j, column_status[j]);
}

void sro_get_basis(struct glp_prob *problem, int *row_status, int *column_status) {
  int rows = glp_get_num_rows(problem), columns = glp_get_num_cols(problem);
  for (int i = 1; i <= rows; i++) row_status[i] = glp_get_row_stat(problem, i);
  for (int j = 1; j <= columns; j++) column_status[j] = glp_get_col_stat(problem, j);
}

static int intopt(glp_prob *P, sro_mip_params *p) {
  p->began = glp_time();
  p->cut_round_began = -1;
  p->longest_cut_round = 0;
  p->ended_for_time = 0;
  glp_iocp parm;
  glp_init_iocp(&parm);
  parm.msg_lev = p->msg_level;
  if (p->time_limit_ms > 0) parm.tm_lim = p->time_limit_ms;
  parm.mip_gap = p->mip_gap;
  parm.presolve = p->presolve ? GLP_ON : GLP_OFF;
  parm.gmi_cuts = p->gomory_cuts ? GLP_ON : GLP_OFF;
  parm.mir_cuts = p->mir_cuts ? GLP_ON : GLP_OFF;
  parm.cov_cuts = p->cover_cuts ? GLP_ON : GLP_OFF;
  parm.clq_cuts = p->clique_cuts ? GLP_ON : GLP_OFF;
  parm.fp_heur = p->feasibility_pump ? GLP_ON : GLP_OFF;
  parm.ps_heur = p->proximity_search ? GLP_ON : GLP_OFF;
  if (p->proximity_time_limit_ms > 0) parm.ps_tm_lim = p->proximity_time_limit_ms;
  if (p->output_frequency_ms > 0) parm.out_frq = p->output_frequency_ms;
  parm.cb_func = on_branch_and_cut;
  parm.cb_info = p;
  if (!p->presolve) {
    /* Without the presolver, glp_intopt needs an optimal LP basis. */
    int code;
    if (p->row_status != NULL && p->column_status != NULL) {
      code = simplex_from_basis(P, p->msg_level, p->time_limit_ms, p->row_status,
                                p->column_status, p->stop);
    } else {
      code = plain_simplex(P, p->msg_level, p->time_limit_ms, 1, p->stop);
    }
    if (code != 0) return code;
    int status = glp_get_status(P);
    if (status == GLP_NOFEAS) return GLP_ENOPFS;
    if (status == GLP_UNBND) return GLP_ENODFS;
    if (status != GLP_OPT) return GLP_EFAIL;
    if (p->time_limit_ms > 0) {
      /* The LP's time counts against the limit. */
      double left = p->time_limit_ms - elapsed_ms(p);
      if (left < 1) return GLP_ETMLIM;
      parm.tm_lim = (int)left;
    }
  }
  if (stop_requested(p->stop)) return GLP_ESTOP;
  return glp_intopt(P, &parm);
}

int sro_guard_intopt(struct glp_prob *problem, sro_mip_params *params, int *result) {
  GUARDED({
    *result = intopt(problem, params);
    if (*result == GLP_ETMLIM) params->ended_for_time = 1;
  });
  return SRO_GUARD_OK;
}

int sro_guard_add_column(struct glp_prob *problem, int type, double lb, double ub,
                         double cost, int count, const int *rows, const double *values,
                         int *column) {
  GUARDED({
    int j = glp_add_cols(problem, 1);
    glp_set_col_bnds(problem, j, type, lb, ub);
    glp_set_obj_coef(problem, j, cost);
    if (count > 0) glp_set_mat_col(problem, j, count, rows, values);
    *column = j;
  });
  return SRO_GUARD_OK;
}

int sro_guard_read_mps(struct glp_prob *problem, int free_format, const char *path,
                       int *result) {
  GUARDED(*result = glp_read_mps(problem, free_format ? GLP_MPS_FILE : GLP_MPS_DECK,
                                 NULL, path));
  return SRO_GUARD_OK;
}

int sro_guard_read_lp(struct glp_prob *problem, const char *path, int *result) {
  GUARDED(*result = glp_read_lp(problem, NULL, path));
  return SRO_GUARD_OK;
}

int sro_guard_set_col_bnds(struct glp_prob *problem, int column, int type, double lb,
                           double ub) {
  GUARDED(glp_set_col_bnds(problem, column, type, lb, ub));
  return SRO_GUARD_OK;
}
