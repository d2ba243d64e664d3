// Shared helpers of the native bridge. Every export is `extern "C"`, returns 0 on success
// and non-zero on failure, and never lets a C++ exception cross into .NET: the message is
// kept in a thread-local string that C# reads with sg_last_error() and turns into a
// TorchException.
#pragma once
#include <ATen/ATen.h>
#include <cstdint>
#include <string>
#include <vector>

#define SG_API extern "C" __attribute__((visibility("default")))

typedef at::Tensor* TensorHandle;

namespace sg {

void set_last_error(const std::string& message);
// Counts one read of tensor data into .NET memory (bridge_diagnostics.cpp).
void count_host_read();

// Runs `body`, converting every exception into an error code plus message.
template <class Body>
int32_t guarded(Body&& body) noexcept {
  try {
    body();
    return 0;
  } catch (const c10::Error& e) {
    set_last_error(e.what_without_backtrace());
  } catch (const std::exception& e) {
    set_last_error(e.what());
  } catch (...) {
    set_last_error("unknown native exception");
  }
  return 1;
}

inline TensorHandle wrap(at::Tensor t) { return new at::Tensor(std::move(t)); }

inline const at::Tensor& ref(TensorHandle h) {
  if (h == nullptr) throw std::invalid_argument("null tensor handle");
  return *h;
}

// dtype codes shared with C# (SeqGan.Research.Torch.DType)
at::ScalarType to_scalar_type(int32_t code);
int32_t from_scalar_type(at::ScalarType t);
// device codes shared with C# (SeqGan.Research.Torch.DeviceType): 0 = CPU, 1 = CUDA
at::Device to_device(int32_t type, int32_t index);

// Throws unless every row of `weights` [rows, vocab] is a distribution to sample from, as torch.multinomial
// requires: `totals` [rows] (each row's sum, e.g. the last column of its cumulative sum) finite and positive,
// and, when `check_negative`, no weight below zero. For softmax outputs pass check_negative = false: they
// cannot be negative, and a NaN or infinite logit makes its row's total NaN, so the check costs nothing.
void check_distribution(const at::Tensor& weights, const at::Tensor& totals, bool check_negative, const char* op);

// The error for row `row` of an op's weights (NaN, infinite, negative or all zero).
std::string not_a_distribution(const char* op, int64_t row);

// The first of the int64 `values` (any shape, CPU) outside [low, high], or none: a scan of host memory, not
// min()/max().item(), which are two reads the operator counter sees (and, on a GPU, two device syncs) per call.
inline bool first_outside(const at::Tensor& values, int64_t low, int64_t high, int64_t* index, int64_t* value) {
  at::Tensor v = values.contiguous();
  const int64_t* data = v.data_ptr<int64_t>();
  for (int64_t i = 0, n = v.numel(); i < n; ++i)
    if (data[i] < low || data[i] > high) {
      *index = i;
      *value = data[i];
      return true;
    }
  return false;
}

inline std::vector<int64_t> dims(const int64_t* values, int32_t count) {
  if (count < 0) throw std::invalid_argument("negative dimension count");
  return std::vector<int64_t>(values, values + count);
}

}  // namespace sg

// One-line export helpers: the macro names say the arity of the wrapped op.
#define SG_UNARY(name, expr)                                              \
  SG_API int32_t sg_##name(TensorHandle a, TensorHandle* out) {           \
    return sg::guarded([&] { const at::Tensor& x = sg::ref(a); *out = sg::wrap(expr); }); \
  }
#define SG_BINARY(name, expr)                                             \
  SG_API int32_t sg_##name(TensorHandle a, TensorHandle b, TensorHandle* out) { \
    return sg::guarded([&] {                                              \
      const at::Tensor& x = sg::ref(a);                                   \
      const at::Tensor& y = sg::ref(b);                                   \
      *out = sg::wrap(expr);                                              \
    });                                                                   \
  }
