// Adam over all parameters at once with libtorch's multi-tensor (_foreach_) operators: on a GPU each
// operator is a handful of kernel launches for the whole model instead of one per parameter tensor (the
// discriminator has 28 parameter tensors, so a per-tensor update is ~170 launches per step, more than its
// forward and backward passes). The operators exist in libtorch 1.13 and 2.x; on the CPU they run the
// per-tensor operators one by one, so the numbers equal the unfused update exactly.
#include "bridge.h"

namespace {
std::vector<at::Tensor> list(TensorHandle* handles, int32_t count) {
  std::vector<at::Tensor> tensors;
  tensors.reserve(static_cast<size_t>(count));
  for (int32_t i = 0; i < count; ++i) tensors.push_back(sg::ref(handles[i]));  // shallow: updates share storage
  return tensors;
}
}  // namespace

// The same update, in the same order of operations, as adam_step_unfused in bridge_optim.cpp.
SG_API int32_t sg_adam_step_multi_(TensorHandle* params, TensorHandle* grads, TensorHandle* first_moments,
                                   TensorHandle* second_moments, int32_t count, double beta1, double beta2,
                                   double step_size, double correction2_sqrt, double eps, double weight_decay) {
  return sg::guarded([&] {
    if (count <= 0) return;
    at::NoGradGuard guard;
    std::vector<at::Tensor> p = list(params, count), g = list(grads, count), m = list(first_moments, count),
                            v = list(second_moments, count);
    for (int32_t i = 0; i < count; ++i)
      if (!p[i].sizes().equals(g[i].sizes()) || !p[i].sizes().equals(m[i].sizes()) || !p[i].sizes().equals(v[i].sizes()))
        throw std::invalid_argument("adam_step_multi: parameter " + std::to_string(i) +
                                    ": parameter, gradient and moments must have the same shape");
    if (weight_decay > 0) g = at::_foreach_add(g, at::_foreach_mul(p, weight_decay));
    at::_foreach_mul_(m, beta1);
    at::_foreach_add_(m, g, 1 - beta1);
    at::_foreach_mul_(v, beta2);
    at::_foreach_addcmul_(v, g, g, 1 - beta2);
    std::vector<at::Tensor> denominator = at::_foreach_sqrt(v);
    at::_foreach_div_(denominator, correction2_sqrt);
    at::_foreach_add_(denominator, eps);
    at::_foreach_addcdiv_(p, m, denominator, -step_size);
  });
}
