// Element-wise arithmetic, reductions, comparisons and the in-place updates optimizers use.
#include "bridge.h"

// ---- element-wise, broadcasting ----
SG_BINARY(add, x + y)
SG_BINARY(sub, x - y)
SG_BINARY(mul, x * y)
SG_BINARY(div, x / y)
SG_BINARY(pow, at::pow(x, y))
SG_BINARY(maximum, at::maximum(x, y))
SG_BINARY(minimum, at::minimum(x, y))
SG_BINARY(matmul, at::matmul(x, y))
SG_BINARY(logical_and, at::logical_and(x, y))
SG_BINARY(logical_or, at::logical_or(x, y))

SG_API int32_t sg_add_scalar(TensorHandle a, double s, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(sg::ref(a) + s); });
}
SG_API int32_t sg_mul_scalar(TensorHandle a, double s, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(sg::ref(a) * s); });
}
SG_API int32_t sg_rsub_scalar(TensorHandle a, double s, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(s - sg::ref(a)); });
}
SG_API int32_t sg_div_scalar(TensorHandle a, double s, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(sg::ref(a) / s); });
}
SG_API int32_t sg_pow_scalar(TensorHandle a, double s, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::pow(sg::ref(a), s)); });
}
SG_API int32_t sg_clamp(TensorHandle a, double low, double high, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::clamp(sg::ref(a), low, high)); });
}

SG_UNARY(neg, -x)
SG_UNARY(exp, at::exp(x))
SG_UNARY(log, at::log(x))
SG_UNARY(sqrt, at::sqrt(x))
SG_UNARY(abs, at::abs(x))
SG_UNARY(sigmoid, at::sigmoid(x))
SG_UNARY(tanh, at::tanh(x))
SG_UNARY(relu, at::relu(x))
SG_UNARY(logical_not, at::logical_not(x))

// bias + x @ w for 2-D x: one BLAS call instead of two ops.
SG_API int32_t sg_addmm(TensorHandle bias, TensorHandle x, TensorHandle w, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::addmm(sg::ref(bias), sg::ref(x), sg::ref(w))); });
}

// ---- reductions ----
SG_UNARY(sum_all, x.sum())
SG_UNARY(mean_all, x.mean())
SG_UNARY(max_all, x.max())
SG_API int32_t sg_sum_dim(TensorHandle a, int64_t dim, int32_t keepdim, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(sg::ref(a).sum(dim, keepdim != 0)); });
}
SG_API int32_t sg_mean_dim(TensorHandle a, int64_t dim, int32_t keepdim, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(sg::ref(a).mean(dim, keepdim != 0)); });
}
SG_API int32_t sg_max_dim(TensorHandle a, int64_t dim, int32_t keepdim, TensorHandle* values, TensorHandle* indices) {
  return sg::guarded([&] {
    auto result = sg::ref(a).max(dim, keepdim != 0);
    *values = sg::wrap(std::get<0>(result));
    *indices = sg::wrap(std::get<1>(result));
  });
}
// Max without indices: cheaper backward (used for max-over-time pooling).
SG_API int32_t sg_amax(TensorHandle a, int64_t dim, int32_t keepdim, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::amax(sg::ref(a), {dim}, keepdim != 0)); });
}
SG_API int32_t sg_argmax(TensorHandle a, int64_t dim, int32_t keepdim, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::argmax(sg::ref(a), dim, keepdim != 0)); });
}
SG_API int32_t sg_cumsum(TensorHandle a, int64_t dim, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::cumsum(sg::ref(a), dim)); });
}
SG_API int32_t sg_log_softmax(TensorHandle a, int64_t dim, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::log_softmax(sg::ref(a), dim)); });
}
SG_API int32_t sg_softmax(TensorHandle a, int64_t dim, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::softmax(sg::ref(a), dim)); });
}

// ---- comparisons (op: 0 eq, 1 ne, 2 lt, 3 le, 4 gt, 5 ge) ----
template <class Other>
static at::Tensor compare(const at::Tensor& x, const Other& y, int32_t op) {
  switch (op) {
    case 0: return at::eq(x, y);
    case 1: return at::ne(x, y);
    case 2: return at::lt(x, y);
    case 3: return at::le(x, y);
    case 4: return at::gt(x, y);
    case 5: return at::ge(x, y);
    default: throw std::invalid_argument("unknown comparison " + std::to_string(op));
  }
}
SG_API int32_t sg_compare(TensorHandle a, TensorHandle b, int32_t op, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(compare(sg::ref(a), sg::ref(b), op)); });
}
SG_API int32_t sg_compare_scalar(TensorHandle a, double b, int32_t op, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(compare(sg::ref(a), b, op)); });
}
SG_API int32_t sg_where(TensorHandle cond, TensorHandle a, TensorHandle b, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::where(sg::ref(cond), sg::ref(a), sg::ref(b))); });
}

// ---- in-place updates (optimizers run these under no-grad) ----
SG_API int32_t sg_add_(TensorHandle self, TensorHandle other, double alpha) {
  return sg::guarded([&] { sg::ref(self).add_(sg::ref(other), alpha); });
}
SG_API int32_t sg_mul_(TensorHandle self, TensorHandle other) {
  return sg::guarded([&] { sg::ref(self).mul_(sg::ref(other)); });
}
SG_API int32_t sg_mul_scalar_(TensorHandle self, double value) {
  return sg::guarded([&] { sg::ref(self).mul_(value); });
}
SG_API int32_t sg_addcmul_(TensorHandle self, TensorHandle a, TensorHandle b, double value) {
  return sg::guarded([&] { sg::ref(self).addcmul_(sg::ref(a), sg::ref(b), value); });
}
SG_API int32_t sg_addcdiv_(TensorHandle self, TensorHandle a, TensorHandle b, double value) {
  return sg::guarded([&] { sg::ref(self).addcdiv_(sg::ref(a), sg::ref(b), value); });
}
SG_API int32_t sg_copy_(TensorHandle self, TensorHandle src) {
  return sg::guarded([&] { sg::ref(self).copy_(sg::ref(src)); });
}

// Running maximum along a dimension (values only).
SG_API int32_t sg_cummax(TensorHandle a, int64_t dim, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(std::get<0>(at::cummax(sg::ref(a), dim))); });
}

// Whether every element is a finite number (no NaN, no infinity): how training notices a diverged model.
SG_API int32_t sg_all_finite(TensorHandle a, int32_t* out) {
  return sg::guarded([&] { *out = at::isfinite(sg::ref(a)).all().item<bool>() ? 1 : 0; });
}
