// What a GPU run needs to see about itself, measurable on the CPU too: how many ATen operators a piece of
// work dispatches (each leaf operator is at most one kernel launch on a GPU), how many of them force the
// host to wait for the device (item(), nonzero), and how many times C# read tensor data back to the host.
// Uses RecordFunction callbacks, which libtorch 1.13 and 2.x both provide (ATen/record_function.h).
#include "bridge.h"

#include <ATen/record_function.h>

#include <atomic>
#include <cstring>
#include <mutex>

namespace {

std::atomic<int64_t> host_reads{0};
std::atomic<int64_t> operators{0};
std::atomic<int64_t> leaf_operators{0};
std::atomic<int64_t> device_syncs{0};
std::mutex counter_mutex;
at::CallbackHandle counter_handle = 0;
bool counter_active = false;

// Per thread (autograd runs CUDA backward on its own device threads): whether the operator at each level of
// the current call stack has called another operator. One that has not is a leaf.
thread_local std::vector<bool> called_another;

bool forces_device_sync(const char* name) {
  return name != nullptr && (std::strcmp(name, "aten::_local_scalar_dense") == 0 || std::strcmp(name, "aten::nonzero") == 0);
}

std::unique_ptr<at::ObserverContext> on_operator_start(const at::RecordFunction& fn) {
  operators.fetch_add(1, std::memory_order_relaxed);
  if (forces_device_sync(fn.name())) device_syncs.fetch_add(1, std::memory_order_relaxed);
  if (!called_another.empty()) called_another.back() = true;
  called_another.push_back(false);
  return nullptr;
}

void on_operator_end(const at::RecordFunction&, at::ObserverContext*) {
  if (called_another.empty()) return;  // started before the counter was
  if (!called_another.back()) leaf_operators.fetch_add(1, std::memory_order_relaxed);
  called_another.pop_back();
}

}  // namespace

void sg::count_host_read() { host_reads.fetch_add(1, std::memory_order_relaxed); }

// Reads of tensor data into .NET memory since the process started (item, copy to host).
SG_API int64_t sg_host_reads() { return host_reads.load(); }

// Starts counting operators process-wide; one counter at a time.
SG_API int32_t sg_op_counter_start() {
  return sg::guarded([&] {
    std::lock_guard<std::mutex> lock(counter_mutex);
    if (counter_active) throw std::logic_error("an operator counter is already running (they do not nest)");
    operators = 0;
    leaf_operators = 0;
    device_syncs = 0;
    counter_handle = at::addGlobalCallback(
        at::RecordFunctionCallback(on_operator_start, on_operator_end).scopes({at::RecordScope::FUNCTION}));
    counter_active = true;
  });
}

SG_API int32_t sg_op_counter_stop(int64_t* total, int64_t* leaves, int64_t* syncs) {
  return sg::guarded([&] {
    std::lock_guard<std::mutex> lock(counter_mutex);
    if (!counter_active) throw std::logic_error("no operator counter is running");
    at::removeCallback(counter_handle);
    counter_active = false;
    *total = operators.load();
    *leaves = leaf_operators.load();
    *syncs = device_syncs.load();
  });
}
