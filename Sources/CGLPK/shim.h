#ifndef SRO_CGLPK_SHIM_H
#define SRO_CGLPK_SHIM_H
#include <glpk.h>
#endif
