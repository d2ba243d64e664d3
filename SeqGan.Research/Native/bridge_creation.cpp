// Tensor creation and in-place initialisation. Random draws use libtorch's default
// generator, so sg_manual_seed makes every draw reproducible.
#include "bridge.h"

#include <cstring>

static at::TensorOptions options(int32_t dtype, int32_t device_type, int32_t device_index) {
  return at::TensorOptions().dtype(sg::to_scalar_type(dtype)).device(sg::to_device(device_type, device_index));
}

// Copies nbytes of host data into a new tensor of the given shape.
SG_API int32_t sg_from_host(const void* data, int64_t nbytes, const int64_t* shape, int32_t ndim, int32_t dtype,
                            int32_t device_type, int32_t device_index, TensorHandle* out) {
  return sg::guarded([&] {
    at::Tensor t = at::empty(sg::dims(shape, ndim), at::TensorOptions().dtype(sg::to_scalar_type(dtype)));
    int64_t need = t.numel() * static_cast<int64_t>(t.element_size());
    if (need != nbytes)
      throw std::invalid_argument("host data has " + std::to_string(nbytes) + " bytes, shape needs " +
                                  std::to_string(need));
    if (need > 0) std::memcpy(t.data_ptr(), data, static_cast<size_t>(need));
    at::Device device = sg::to_device(device_type, device_index);
    *out = sg::wrap(device.is_cpu() ? t : t.to(device));
  });
}

SG_API int32_t sg_zeros(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t dt, int32_t di, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::zeros(sg::dims(shape, ndim), options(dtype, dt, di))); });
}
SG_API int32_t sg_full(const int64_t* shape, int32_t ndim, double value, int32_t dtype, int32_t dt, int32_t di,
                       TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::full(sg::dims(shape, ndim), value, options(dtype, dt, di))); });
}
SG_API int32_t sg_arange(int64_t end, int32_t dtype, int32_t dt, int32_t di, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::arange(end, options(dtype, dt, di))); });
}
SG_API int32_t sg_rand(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t dt, int32_t di, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::rand(sg::dims(shape, ndim), options(dtype, dt, di))); });
}
SG_API int32_t sg_randn(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t dt, int32_t di, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::randn(sg::dims(shape, ndim), options(dtype, dt, di))); });
}
SG_API int32_t sg_randint(int64_t low, int64_t high, const int64_t* shape, int32_t ndim, int32_t dt, int32_t di,
                          TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::randint(low, high, sg::dims(shape, ndim), options(2, dt, di))); });
}

// ---- in-place initialisers (no autograd recording) ----
SG_API int32_t sg_normal_(TensorHandle h, double mean, double std) {
  return sg::guarded([&] { at::NoGradGuard g; sg::ref(h).normal_(mean, std); });
}
SG_API int32_t sg_uniform_(TensorHandle h, double low, double high) {
  return sg::guarded([&] { at::NoGradGuard g; sg::ref(h).uniform_(low, high); });
}
SG_API int32_t sg_fill_(TensorHandle h, double value) {
  return sg::guarded([&] { at::NoGradGuard g; sg::ref(h).fill_(value); });
}
// TensorFlow's truncated_normal: N(mean, std) with draws beyond 2 std discarded and redrawn.
// Redrawing (rather than clamping or inverse-CDF) keeps the exact distribution TF used.
SG_API int32_t sg_trunc_normal_(TensorHandle h, double mean, double std) {
  return sg::guarded([&] {
    at::NoGradGuard g;
    at::Tensor t = sg::ref(h);
    t.normal_(mean, std);
    for (int round = 0; round < 64; ++round) {
      at::Tensor outside = (t - mean).abs() > 2.0 * std;
      int64_t count = outside.sum().item<int64_t>();
      if (count == 0) return;
      at::Tensor redraw = at::empty({count}, t.options()).normal_(mean, std);
      t.masked_scatter_(outside, redraw);
    }
    t.clamp_(mean - 2.0 * std, mean + 2.0 * std);  // reached with probability ~0.046^64
  });
}

SG_API int32_t sg_randperm(int64_t n, int32_t dt, int32_t di, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::randperm(n, options(2, dt, di))); });
}
