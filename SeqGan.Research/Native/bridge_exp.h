// e^x for x <= 0 in single precision, shared by the fused kernels (sampler, log-softmax) so that every
// path exponentiates logits the same way.
#pragma once
#include <algorithm>
#include <cstdint>

namespace sg {

// Inputs are logits minus their row maximum. Cephes' single-precision polynomial (relative error ~1e-7),
// written branch-free so that loops over it vectorise (compile the caller with -fno-trapping-math).
inline float exp_nonpositive(float x) {
  x = std::max(x, -87.0f);
  // floor without a library call (keeps the loop vectorisable): truncate, then step down for negatives.
  float t = x * 1.44269504088896341f + 0.5f;
  int32_t i = static_cast<int32_t>(t);
  i -= static_cast<int32_t>(t < static_cast<float>(i));
  float n = static_cast<float>(i);
  float r = x - n * 0.693359375f + n * 2.12194440e-4f;
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  p = p * r * r + r + 1.0f;
  int32_t bits = (i + 127) << 23;
  return p * __builtin_bit_cast(float, bits);
}

}  // namespace sg
