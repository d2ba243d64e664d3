// Vectorised loops over one contiguous float row, shared by the fused kernels. Each is cloned for AVX-512,
// AVX2 and plain x86-64 and picked at load time; the file is compiled without FMA contraction, so every
// clone rounds exactly alike and a result does not depend on which processor ran it.
#pragma once
#include <cstdint>

namespace sg::rows {

float max(const float* x, int64_t n);
// x[j] = e^(x[j] - shift) in place (x[j] <= shift); returns the sum of the results.
double exp_shifted_sum(float* x, int64_t n, float shift);
// x[j] = scale * e^(x[j] - shift) in place (x[j] <= shift).
void scaled_exp_shifted(float* x, int64_t n, float shift, float scale);
// acc[j] += x[j]
void add(float* acc, const float* x, int64_t n);
// y[j] += a * x[j]
void axpy(float a, const float* x, float* y, int64_t n);
// best[j] = max(best[j], x[j])
void max_into(float* best, const float* x, int64_t n);

}  // namespace sg::rows
