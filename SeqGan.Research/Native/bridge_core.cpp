// Lifecycle, metadata, autograd and process-wide settings.
#include "bridge.h"

#include <ATen/Parallel.h>
#include <ATen/Version.h>
#include <ATen/detail/CUDAHooksInterface.h>
#include <c10/core/impl/DeviceGuardImplInterface.h>
#include <dlfcn.h>
#include <malloc.h>
#include <sys/stat.h>

#include <cstring>
#include <thread>

namespace sg {

namespace {
thread_local std::string last_error;
thread_local std::string last_text;  // backing store for strings handed to C#
}  // namespace

void set_last_error(const std::string& message) { last_error = message; }

at::ScalarType to_scalar_type(int32_t code) {
  switch (code) {
    case 0: return at::kFloat;
    case 1: return at::kDouble;
    case 2: return at::kLong;
    case 3: return at::kBool;
    case 4: return at::kInt;
    default: throw std::invalid_argument("unknown dtype code " + std::to_string(code));
  }
}

int32_t from_scalar_type(at::ScalarType t) {
  switch (t) {
    case at::kFloat: return 0;
    case at::kDouble: return 1;
    case at::kLong: return 2;
    case at::kBool: return 3;
    case at::kInt: return 4;
    default: return -1;
  }
}

at::Device to_device(int32_t type, int32_t index) {
  switch (type) {
    case 0: return at::Device(at::kCPU);
    case 1: return at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(index < 0 ? 0 : index));
    default: throw std::invalid_argument("unknown device type " + std::to_string(type));
  }
}

namespace {
std::string cuda_library;  // set once by sg_init

// A bridge linked with --as-needed (the default of some distributions' linkers) does not record
// libtorch_cuda.so as a dependency, since it calls none of its symbols; CUDA then stays unregistered and
// the process sees no GPU. Loading it from beside libtorch's own libraries registers it.
void load_torch_cuda() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&at::show_config), &info) == 0 || info.dli_fname == nullptr) return;
  std::string path = info.dli_fname;
  path = path.substr(0, path.find_last_of('/') + 1) + "libtorch_cuda.so";
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return;
  if (dlopen(path.c_str(), RTLD_NOW | RTLD_GLOBAL) != nullptr) cuda_library = path;
  else cuda_library = std::string("failed to load ") + path + ": " + dlerror();
}
}  // namespace

static const char* hand_out(std::string text) {
  last_text = std::move(text);
  return last_text.c_str();
}

}  // namespace sg

SG_API const char* sg_last_error() { return sg::last_error.c_str(); }

// Process-wide settings that DESIGN.md measured as decisive on CPU.
SG_API int32_t sg_init(int32_t threads) {
  return sg::guarded([&] {
    // Large, stable mmap/trim thresholds: without them glibc returns every freed tensor
    // buffer to the OS and the next step page-faults it back in (millions of faults per run).
    mallopt(M_MMAP_THRESHOLD, 256 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
    int n = threads > 0 ? threads : static_cast<int>(std::thread::hardware_concurrency());
    if (n < 1) n = 1;
    // libtorch 1.13 defaults to half the cores.
    at::set_num_threads(n);
    sg::load_torch_cuda();
  });
}

// The libtorch_cuda.so loaded at init ("" when this libtorch has none, "failed to load ..." on an error).
SG_API const char* sg_cuda_library() { return sg::cuda_library.c_str(); }

SG_API const char* sg_torch_version() { return SG_TORCH_VERSION; }
SG_API const char* sg_build_config() { return sg::hand_out(at::show_config()); }
SG_API int32_t sg_get_num_threads() { return at::get_num_threads(); }
SG_API int32_t sg_set_num_threads(int32_t n) {
  return sg::guarded([&] { at::set_num_threads(n); });
}
SG_API int32_t sg_cuda_device_count() {
  try {
    // The device-guard registry is the same in libtorch 1.13 and 2.x (CUDAHooksInterface::getNumGPUs is
    // being replaced by deviceCount in 2.x); CUDA's guard is registered when libtorch_cuda is loaded.
    if (!at::hasCUDA() || !c10::impl::hasDeviceGuardImpl(c10::DeviceType::CUDA)) return 0;
    return static_cast<int32_t>(c10::impl::getDeviceGuardImpl(c10::DeviceType::CUDA)->deviceCount());
  } catch (...) {
    return 0;
  }
}

SG_API int32_t sg_manual_seed(uint64_t seed) {
  return sg::guarded([&] { at::manual_seed(seed); });
}

SG_API void sg_free(TensorHandle h) { delete h; }

// ---- metadata ----
SG_API int32_t sg_ndim(TensorHandle h) { return static_cast<int32_t>(h->dim()); }
SG_API int32_t sg_shape(TensorHandle h, int64_t* out, int32_t capacity) {
  return sg::guarded([&] {
    auto sizes = sg::ref(h).sizes();
    if (static_cast<int32_t>(sizes.size()) > capacity) throw std::invalid_argument("shape buffer too small");
    std::memcpy(out, sizes.data(), sizes.size() * sizeof(int64_t));
  });
}
SG_API int64_t sg_numel(TensorHandle h) { return h->numel(); }
SG_API int32_t sg_dtype(TensorHandle h) { return sg::from_scalar_type(h->scalar_type()); }
SG_API int32_t sg_device_type(TensorHandle h) { return h->is_cuda() ? 1 : 0; }
SG_API int32_t sg_device_index(TensorHandle h) { return h->is_cuda() ? h->get_device() : -1; }
SG_API int32_t sg_requires_grad(TensorHandle h) { return h->requires_grad() ? 1 : 0; }
SG_API int32_t sg_set_requires_grad(TensorHandle h, int32_t value) {
  return sg::guarded([&] { sg::ref(h).set_requires_grad(value != 0); });
}

// Copies the tensor's elements (converted to a contiguous CPU tensor) into dst.
SG_API int32_t sg_copy_to_host(TensorHandle h, void* dst, int64_t nbytes) {
  return sg::guarded([&] {
    sg::count_host_read();
    at::Tensor t = sg::ref(h).detach().to(at::kCPU).contiguous();
    int64_t need = t.numel() * static_cast<int64_t>(t.element_size());
    if (need != nbytes)
      throw std::invalid_argument("host buffer has " + std::to_string(nbytes) + " bytes, tensor needs " +
                                  std::to_string(need));
    if (need > 0) std::memcpy(dst, t.data_ptr(), static_cast<size_t>(need));
  });
}

SG_API int32_t sg_item_double(TensorHandle h, double* out) {
  return sg::guarded([&] { sg::count_host_read(); *out = sg::ref(h).item<double>(); });
}
SG_API int32_t sg_item_long(TensorHandle h, int64_t* out) {
  return sg::guarded([&] { sg::count_host_read(); *out = sg::ref(h).item<int64_t>(); });
}

// ---- conversion ----
SG_API int32_t sg_to(TensorHandle h, int32_t dtype, int32_t device_type, int32_t device_index, TensorHandle* out) {
  return sg::guarded([&] {
    *out = sg::wrap(sg::ref(h).to(sg::to_device(device_type, device_index), sg::to_scalar_type(dtype)));
  });
}
SG_UNARY(clone, x.clone())
SG_UNARY(detach, x.detach())
SG_UNARY(contiguous, x.contiguous())
SG_UNARY(shallow_copy, x)

// Replaces the storage behind a parameter while keeping its identity (what Module.To does).
SG_API int32_t sg_set_data(TensorHandle h, TensorHandle src) {
  return sg::guarded([&] { sg::ref(h).set_data(sg::ref(src)); });
}

// ---- autograd ----
SG_API int32_t sg_backward(TensorHandle h, TensorHandle grad) {
  return sg::guarded([&] {
    if (grad != nullptr) sg::ref(h).backward(sg::ref(grad));
    else sg::ref(h).backward();
  });
}
// *out is null when the tensor has no gradient yet.
SG_API int32_t sg_grad(TensorHandle h, TensorHandle* out) {
  return sg::guarded([&] {
    const at::Tensor& g = sg::ref(h).grad();
    *out = g.defined() ? sg::wrap(g) : nullptr;
  });
}
SG_API int32_t sg_clear_grad(TensorHandle h) {
  return sg::guarded([&] { sg::ref(h).mutable_grad().reset(); });
}
SG_API int32_t sg_is_grad_enabled() { return at::GradMode::is_enabled() ? 1 : 0; }
// Grad mode is thread-local in libtorch; C# restores the previous value when a NoGrad scope ends.
SG_API void sg_set_grad_enabled(int32_t enabled) { at::GradMode::set_enabled(enabled != 0); }
