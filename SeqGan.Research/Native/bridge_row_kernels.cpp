// See bridge_row_kernels.h. Reductions keep 16 independent lanes (one AVX-512 register) so that the
// compiler vectorises them without reassociating beyond what is written here.
#include "bridge_row_kernels.h"

#include "bridge_exp.h"

#include <algorithm>

#define SG_CLONED __attribute__((target_clones("avx512f", "avx2", "default")))

namespace sg::rows {

namespace {
constexpr int64_t kLanes = 16;
}

SG_CLONED float max(const float* x, int64_t n) {
  float lanes[kLanes];
  for (int64_t l = 0; l < kLanes; ++l) lanes[l] = x[0];
  int64_t j = 0;
  for (; j + kLanes <= n; j += kLanes)
    for (int64_t l = 0; l < kLanes; ++l) lanes[l] = std::max(lanes[l], x[j + l]);
  float m = x[0];
  for (int64_t l = 0; l < kLanes; ++l) m = std::max(m, lanes[l]);
  for (; j < n; ++j) m = std::max(m, x[j]);
  return m;
}

SG_CLONED double exp_shifted_sum(float* x, int64_t n, float shift) {
  float lanes[kLanes] = {};
  int64_t j = 0;
  for (; j + kLanes <= n; j += kLanes)
    for (int64_t l = 0; l < kLanes; ++l) {
      float e = sg::exp_nonpositive(x[j + l] - shift);
      x[j + l] = e;
      lanes[l] += e;
    }
  double total = 0;
  for (int64_t l = 0; l < kLanes; ++l) total += lanes[l];
  for (; j < n; ++j) {
    x[j] = sg::exp_nonpositive(x[j] - shift);
    total += x[j];
  }
  return total;
}

SG_CLONED void scaled_exp_shifted(float* x, int64_t n, float shift, float scale) {
  for (int64_t j = 0; j < n; ++j) x[j] = scale * sg::exp_nonpositive(x[j] - shift);
}

SG_CLONED void add(float* __restrict acc, const float* __restrict x, int64_t n) {
  for (int64_t j = 0; j < n; ++j) acc[j] += x[j];
}

SG_CLONED void axpy(float a, const float* __restrict x, float* __restrict y, int64_t n) {
  for (int64_t j = 0; j < n; ++j) y[j] += a * x[j];
}

SG_CLONED void max_into(float* __restrict best, const float* __restrict x, int64_t n) {
  for (int64_t j = 0; j < n; ++j) best[j] = std::max(best[j], x[j]);
}

}  // namespace sg::rows
