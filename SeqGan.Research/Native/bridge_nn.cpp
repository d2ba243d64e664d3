// Neural-network primitives: lookups, convolution, dropout, losses.
#include "bridge.h"

// weight [V, E], indices int64 of any shape -> [..., E]. Indices out of range raise an IndexError.
SG_API int32_t sg_embedding(TensorHandle weight, TensorHandle indices, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::embedding(sg::ref(weight), sg::ref(indices))); });
}
// input [B, C, T], weight [F, C, k], bias [F] (or null) -> [B, F, T - k + 1] (VALID padding).
SG_API int32_t sg_conv1d(TensorHandle input, TensorHandle weight, TensorHandle bias, TensorHandle* out) {
  return sg::guarded([&] {
    // An undefined tensor means "no bias" to conv1d in libtorch 1.13 and 2.x alike, and converts to the
    // optional<Tensor> parameter of either (c10::optional in 1.13, std::optional in 2.x).
    at::Tensor b = bias != nullptr ? sg::ref(bias) : at::Tensor();
    *out = sg::wrap(at::conv1d(sg::ref(input), sg::ref(weight), b));
  });
}
SG_API int32_t sg_dropout(TensorHandle a, double p, int32_t train, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::dropout(sg::ref(a), p, train != 0)); });
}
// Mean (reduction 1) or sum (reduction 2) of -logp[b, target[b]] over rows; logp [N, C], target [N].
SG_API int32_t sg_nll_loss(TensorHandle logp, TensorHandle target, int32_t reduction, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::nll_loss(sg::ref(logp), sg::ref(target), {}, reduction)); });
}
