// Saving and restoring the random generator state, so that a resumed run continues with exactly
// the random numbers an uninterrupted run would have drawn.
#include "bridge.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/detail/CUDAHooksInterface.h>

#include <cstring>
#include <mutex>

// The CPU generator's state as bytes: first call with dst = null to learn the size.
SG_API int32_t sg_cpu_rng_state(uint8_t* dst, int64_t capacity, int64_t* size) {
  return sg::guarded([&] {
    auto generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    at::Tensor state = generator.get_state();
    *size = state.numel();
    if (dst != nullptr) {
      if (capacity < state.numel()) throw std::invalid_argument("rng state buffer too small");
      std::memcpy(dst, state.data_ptr(), static_cast<size_t>(state.numel()));
    }
  });
}

SG_API int32_t sg_set_cpu_rng_state(const uint8_t* src, int64_t size) {
  return sg::guarded([&] {
    at::Tensor state = at::empty({size}, at::TensorOptions().dtype(at::kByte));
    std::memcpy(state.data_ptr(), src, static_cast<size_t>(size));
    auto generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    generator.set_state(state);
  });
}
