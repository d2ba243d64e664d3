// Fused Adam update. The discriminator has 7 million parameters (the highway layer alone 5.9 million),
// so an Adam step written as separate tensor ops (mul_, add_, mul_, addcmul_, sqrt, div, add, addcdiv_)
// streams about 20 parameter-sized arrays through memory per step; this loop streams 7 (read p, g, m, v;
// write p, m, v) and allocates nothing. It is memory-bound, so the fewer passes are the whole gain.
#include "bridge.h"

#include <ATen/Parallel.h>

#include <cmath>

namespace {

// The same update as the unfused ops, in the same order of operations, for tensors that are not
// contiguous float32 on the CPU (a GPU, float64 in tests).
void adam_step_unfused(at::Tensor& p, const at::Tensor& g_in, at::Tensor& m, at::Tensor& v, double beta1, double beta2,
                       double step_size, double correction2_sqrt, double eps, double weight_decay) {
  at::Tensor g = weight_decay > 0 ? g_in + p * weight_decay : g_in;
  m.mul_(beta1).add_(g, 1 - beta1);
  v.mul_(beta2).addcmul_(g, g, 1 - beta2);
  at::Tensor denominator = v.sqrt() / correction2_sqrt + eps;
  p.addcdiv_(m, denominator, -step_size);
}

struct AdamCoefficients {
  float beta1, one_minus_beta1, beta2, one_minus_beta2, step_size, correction2_sqrt, eps, weight_decay;
};

// The fused loop over one contiguous range. Separate arrays (__restrict) and a sqrt that never sets errno
// (-fno-math-errno on this file) let the compiler vectorise it; cloned for AVX2 like the fused sampler.
__attribute__((target_clones("avx2", "default")))
void adam_update_range(float* __restrict p, const float* __restrict g, float* __restrict m, float* __restrict v,
                       int64_t n, AdamCoefficients k) {
  for (int64_t i = 0; i < n; ++i) {
    // Loop-invariant test (unswitched by the compiler): without decay, g is used as is, so an infinite
    // parameter does not turn the gradient into NaN through 0·∞.
    float gi = k.weight_decay != 0.0f ? g[i] + k.weight_decay * p[i] : g[i];
    float mi = m[i] * k.beta1 + k.one_minus_beta1 * gi;
    float vi = v[i] * k.beta2 + k.one_minus_beta2 * (gi * gi);
    m[i] = mi;
    v[i] = vi;
    p[i] -= k.step_size * (mi / (std::sqrt(vi) / k.correction2_sqrt + k.eps));
  }
}

}  // namespace

// One Adam step for one parameter, in place on param, m and v:
//   g ← grad + weight_decay·param;  m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²;
//   param ← param − step_size · m / (√v / correction2_sqrt + eps)
// with step_size = lr / (1 − β1^t) and correction2_sqrt = √(1 − β2^t) computed by the caller.
SG_API int32_t sg_adam_step_(TensorHandle param, TensorHandle grad, TensorHandle first_moment, TensorHandle second_moment,
                             double beta1, double beta2, double step_size, double correction2_sqrt, double eps,
                             double weight_decay) {
  return sg::guarded([&] {
    at::NoGradGuard guard;
    at::Tensor p = sg::ref(param);   // shallow copies: in-place ops update the shared storage
    const at::Tensor& g = sg::ref(grad);
    at::Tensor m = sg::ref(first_moment);
    at::Tensor v = sg::ref(second_moment);
    if (!p.sizes().equals(g.sizes()) || !p.sizes().equals(m.sizes()) || !p.sizes().equals(v.sizes()))
      throw std::invalid_argument("adam_step: parameter, gradient and moments must have the same shape");
    bool fusable = p.device().is_cpu() && g.device().is_cpu() && m.device().is_cpu() && v.device().is_cpu() &&
                   p.scalar_type() == at::kFloat && g.scalar_type() == at::kFloat && m.scalar_type() == at::kFloat &&
                   v.scalar_type() == at::kFloat && p.is_contiguous() && g.is_contiguous() && m.is_contiguous() &&
                   v.is_contiguous();
    if (!fusable) {
      adam_step_unfused(p, g, m, v, beta1, beta2, step_size, correction2_sqrt, eps, weight_decay);
      return;
    }
    float* pd = p.data_ptr<float>();
    const float* gd = g.data_ptr<float>();
    float* md = m.data_ptr<float>();
    float* vd = v.data_ptr<float>();
    const AdamCoefficients k{static_cast<float>(beta1), static_cast<float>(1 - beta1), static_cast<float>(beta2),
                             static_cast<float>(1 - beta2), static_cast<float>(step_size),
                             static_cast<float>(correction2_sqrt), static_cast<float>(eps),
                             static_cast<float>(weight_decay)};
    at::parallel_for(0, p.numel(), 1 << 15, [&](int64_t begin, int64_t end) {
      adam_update_range(pd + begin, gd + begin, md + begin, vd + begin, end - begin, k);
    });
  });
}
