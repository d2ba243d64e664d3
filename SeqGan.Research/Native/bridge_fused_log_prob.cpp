// Fused "project hidden states to the vocabulary, log-softmax, pick each row's target": the MLE loss, the
// policy-gradient loss and NLL evaluation all need log p(y_t | y_<t) of one token per row, never the whole
// [rows, vocab] matrix. Unfused, an MLE batch (1,280 rows x 5,000) streams a 25 MB logits tensor through
// memory about eight times (projection, log-softmax, gather, and their backward passes). Here rows are done
// in chunks whose logits stay in cache: the forward keeps only each row's log-sum-exp, and the backward
// recomputes the chunk's logits (one more small GEMM) and produces all three gradients from them.
#include "bridge.h"
#include "bridge_row_kernels.h"

#include <ATen/Parallel.h>
#include <torch/csrc/autograd/custom_function.h>

#include <algorithm>
#include <cmath>

namespace {

constexpr int64_t kChunkRows = 32;
// Weight and bias gradients are accumulated in this many partial sums, each over a fixed set of chunks
// (chunk c goes to slot c mod kSlots) and added in slot order: these sums do not depend on the thread count (the GEMMs
// inside each chunk are BLAS's, which on some CPUs round differently by thread count; see FusedOutputLogProbabilityTests).
constexpr int64_t kSlots = 8;

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// float rows use the vectorised kernels; double (gradient checks) plain loops.
struct RowOps {
  static float max(const float* x, int64_t n) { return sg::rows::max(x, n); }
  static double exp_shifted_sum(float* x, int64_t n, float shift) { return sg::rows::exp_shifted_sum(x, n, shift); }
  static void scaled_exp_shifted(float* x, int64_t n, float shift, float scale) {
    sg::rows::scaled_exp_shifted(x, n, shift, scale);
  }
  static double max(const double* x, int64_t n) { return *std::max_element(x, x + n); }
  static double exp_shifted_sum(double* x, int64_t n, double shift) {
    double total = 0;
    for (int64_t j = 0; j < n; ++j) total += (x[j] = std::exp(x[j] - shift));
    return total;
  }
  static void scaled_exp_shifted(double* x, int64_t n, double shift, double scale) {
    for (int64_t j = 0; j < n; ++j) x[j] = scale * std::exp(x[j] - shift);
  }
};

// Targets on a GPU are not checked here (reading them would be a device sync); the unfused path's gather checks them.
void check_targets(const at::Tensor& targets, int64_t vocab) {
  int64_t row, id;
  if (targets.device().is_cpu() && sg::first_outside(targets, 0, vocab - 1, &row, &id))
    throw std::out_of_range("output_log_prob: target " + std::to_string(id) + " (row " + std::to_string(row) +
                            ") is outside the vocabulary [0, " + std::to_string(vocab) + ")");
}

template <typename T>
void forward_kernel(const at::Tensor& h, const at::Tensor& w, const at::Tensor& b, const int64_t* y, T* log_prob, T* lse) {
  int64_t rows = h.size(0), vocab = w.size(1);
  int64_t chunks = (rows + kChunkRows - 1) / kChunkRows;
  at::parallel_for(0, chunks, 1, [&](int64_t begin, int64_t end) {
    at::Tensor buffer = at::empty({kChunkRows, vocab}, h.options());
    for (int64_t c = begin; c < end; ++c) {
      int64_t first = c * kChunkRows, n = std::min(kChunkRows, rows - first);
      at::Tensor logits = buffer.narrow(0, 0, n);
      at::addmm_out(logits, b, h.narrow(0, first, n), w);  // single-threaded inside parallel_for
      T* data = logits.data_ptr<T>();
      for (int64_t r = 0; r < n; ++r) {
        T* row = data + r * vocab;
        T target_logit = row[y[first + r]];
        T m = RowOps::max(row, vocab);
        T l = static_cast<T>(m + std::log(RowOps::exp_shifted_sum(row, vocab, m)));
        lse[first + r] = l;
        log_prob[first + r] = target_logit - l;
      }
    }
  });
}

// d log_prob[r] / d logits[r, j] = [j == y_r] - softmax_j; scaled by the incoming gradient g[r].
template <typename T>
void backward_kernel(const at::Tensor& h, const at::Tensor& w, const at::Tensor& b, const int64_t* y, const T* lse,
                     const T* g, at::Tensor* dh, at::Tensor* dw_slots, at::Tensor* db_slots) {
  int64_t rows = h.size(0), vocab = w.size(1);
  int64_t chunks = (rows + kChunkRows - 1) / kChunkRows;
  int64_t slots = std::min(kSlots, chunks);
  at::Tensor wt = w.t();
  at::parallel_for(0, slots, 1, [&](int64_t begin, int64_t end) {
    at::Tensor buffer = at::empty({kChunkRows, vocab}, h.options());
    for (int64_t s = begin; s < end; ++s) {
      for (int64_t c = s; c < chunks; c += slots) {
        int64_t first = c * kChunkRows, n = std::min(kChunkRows, rows - first);
        at::Tensor grad = buffer.narrow(0, 0, n);
        at::Tensor hc = h.narrow(0, first, n);
        at::addmm_out(grad, b, hc, w);
        T* data = grad.data_ptr<T>();
        for (int64_t r = 0; r < n; ++r) {
          T* row = data + r * vocab;
          T gr = g[first + r];
          RowOps::scaled_exp_shifted(row, vocab, lse[first + r], -gr);
          row[y[first + r]] += gr;
        }
        if (dh) {
          at::Tensor dh_rows = dh->narrow(0, first, n);
          at::mm_out(dh_rows, grad, wt);
        }
        if (dw_slots) (*dw_slots)[s].addmm_(hc.t(), grad);
        if (db_slots) (*db_slots)[s].add_(grad.sum(0));
      }
    }
  });
}

at::Tensor sum_slots(const at::Tensor& slots) {
  at::Tensor total = slots[0].clone();
  for (int64_t s = 1; s < slots.size(0); ++s) total.add_(slots[s]);
  return total;
}

struct OutputLogProb : public torch::autograd::Function<OutputLogProb> {
  static at::Tensor forward(AutogradContext* ctx, const at::Tensor& hidden, const at::Tensor& weight,
                            const at::Tensor& bias, const at::Tensor& targets) {
    at::Tensor h = hidden.contiguous(), w = weight.contiguous(), b = bias.contiguous();
    at::Tensor y = targets.contiguous();
    at::Tensor log_prob = at::empty({h.size(0)}, h.options());
    at::Tensor lse = at::empty({h.size(0)}, h.options());
    AT_DISPATCH_FLOATING_TYPES(h.scalar_type(), "output_log_prob", [&] {
      forward_kernel<scalar_t>(h, w, b, y.data_ptr<int64_t>(), log_prob.data_ptr<scalar_t>(), lse.data_ptr<scalar_t>());
    });
    ctx->save_for_backward({h, w, b, y, lse});
    return log_prob;
  }

  static variable_list backward(AutogradContext* ctx, variable_list grad_outputs) {
    auto saved = ctx->get_saved_variables();
    const at::Tensor &h = saved[0], &w = saved[1], &b = saved[2], &y = saved[3], &lse = saved[4];
    at::Tensor g = grad_outputs[0].contiguous();
    int64_t chunks = (h.size(0) + kChunkRows - 1) / kChunkRows, slots = std::min(kSlots, chunks);
    at::Tensor dh, dw_slots, db_slots;
    if (ctx->needs_input_grad(0)) dh = at::empty_like(h);
    if (ctx->needs_input_grad(1)) dw_slots = at::zeros({slots, w.size(0), w.size(1)}, w.options());
    if (ctx->needs_input_grad(2)) db_slots = at::zeros({slots, b.size(0)}, b.options());
    AT_DISPATCH_FLOATING_TYPES(h.scalar_type(), "output_log_prob_backward", [&] {
      backward_kernel<scalar_t>(h, w, b, y.data_ptr<int64_t>(), lse.data_ptr<scalar_t>(), g.data_ptr<scalar_t>(),
                                dh.defined() ? &dh : nullptr, dw_slots.defined() ? &dw_slots : nullptr,
                                db_slots.defined() ? &db_slots : nullptr);
    });
    return {dh, dw_slots.defined() ? sum_slots(dw_slots) : at::Tensor(),
            db_slots.defined() ? sum_slots(db_slots) : at::Tensor(), at::Tensor()};
  }
};

}  // namespace

// hidden [N, H], weight [H, V], bias [V], targets int64 [N] -> log softmax(hidden·weight + bias)[n, targets[n]], [N];
// differentiable in hidden, weight and bias. On a GPU (or for other dtypes) the same value through unfused ops.
SG_API int32_t sg_output_log_prob(TensorHandle hidden, TensorHandle weight, TensorHandle bias, TensorHandle targets,
                                  TensorHandle* out) {
  return sg::guarded([&] {
    const at::Tensor& h = sg::ref(hidden);
    const at::Tensor& w = sg::ref(weight);
    const at::Tensor& b = sg::ref(bias);
    const at::Tensor& y = sg::ref(targets);
    if (h.dim() != 2 || w.dim() != 2 || b.dim() != 1 || y.dim() != 1)
      throw std::invalid_argument("output_log_prob expects hidden [N, H], weight [H, V], bias [V], targets [N]");
    if (h.size(1) != w.size(0) || w.size(1) != b.size(0) || y.size(0) != h.size(0))
      throw std::invalid_argument("output_log_prob: shapes do not agree (hidden " + std::to_string(h.size(0)) + "x" +
                                  std::to_string(h.size(1)) + ", weight " + std::to_string(w.size(0)) + "x" +
                                  std::to_string(w.size(1)) + ", bias " + std::to_string(b.size(0)) + ", targets " +
                                  std::to_string(y.size(0)) + ")");
    if (y.scalar_type() != at::kLong) throw std::invalid_argument("output_log_prob: targets must be int64");
    check_targets(y, w.size(1));
    bool fusable = h.device().is_cpu() && w.device().is_cpu() && b.device().is_cpu() &&
                   (h.scalar_type() == at::kFloat || h.scalar_type() == at::kDouble) &&
                   w.scalar_type() == h.scalar_type() && b.scalar_type() == h.scalar_type();
    if (!fusable) {
      *out = sg::wrap(at::log_softmax(at::addmm(b, h, w), 1).gather(1, y.unsqueeze(1)).squeeze(1));
      return;
    }
    *out = sg::wrap(OutputLogProb::apply(h, w, b, y));
  });
}
