// The discriminator's "convolution over time, ReLU, max over time" for one filter width, in two fused forms.
//
// Training (sg_conv_relu_max): the forward is libtorch's conv1d (oneDNN on CPU) and a max over time; the
// backward uses that the max passes gradient to one window per (sequence, filter): the weight and input
// gradients are sums over the B·F winning windows only, w·E products each, instead of a dense transposed
// convolution over all T−w+1 windows (which multiplies the other windows' zero gradients).
//
// Scoring with a fixed D (sg_window_max_from_embedding): a window's pre-activation
// bias + Σ_k W[:, :, k]·emb(token at start + k) is linear in the embeddings, so per-token tables
// table[k][v] = W[:, :, k]·emb(v) (vocabulary × F per offset, one GEMM) turn every window into w lookups and
// adds of F-vectors. That pays when many windows are scored with the same D: rollout completions.
#include "bridge.h"
#include "bridge_row_kernels.h"

#include <ATen/Parallel.h>
#include <torch/csrc/autograd/custom_function.h>

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

template <typename T>
void axpy(T a, const T* x, T* y, int64_t n) {
  if constexpr (std::is_same_v<T, float>) {
    sg::rows::axpy(a, x, y, n);
  } else {
    for (int64_t j = 0; j < n; ++j) y[j] += a * x[j];
  }
}

// g_masked [B, F]: the incoming gradient where the max was positive (ReLU open), else 0; index [B, F] the
// winning window's start. x [B, T, E]; weight_t [F, w, E] (offset-major so a window is one contiguous run).
template <typename T>
void sparse_backward(const at::Tensor& g_masked, const at::Tensor& index, const at::Tensor& x, const at::Tensor& weight_t,
                     at::Tensor* dx, at::Tensor* dweight_t) {
  int64_t batch = x.size(0), length = x.size(1), embed = x.size(2);
  int64_t filters = weight_t.size(0), window = weight_t.size(1) * embed;
  const T* g = g_masked.data_ptr<T>();
  const int64_t* start = index.data_ptr<int64_t>();
  const T* xs = x.data_ptr<T>();
  const T* ws = weight_t.data_ptr<T>();
  if (dweight_t) {
    T* dw = dweight_t->data_ptr<T>();
    // Each filter's gradient is owned by one thread and summed over sequences in order: deterministic.
    at::parallel_for(0, filters, 8, [&](int64_t begin, int64_t end) {
      for (int64_t f = begin; f < end; ++f)
        for (int64_t b = 0; b < batch; ++b) {
          T a = g[b * filters + f];
          if (a != 0) axpy(a, xs + (b * length + start[b * filters + f]) * embed, dw + f * window, window);
        }
    });
  }
  if (dx) {
    T* d = dx->data_ptr<T>();
    at::parallel_for(0, batch, 1, [&](int64_t begin, int64_t end) {
      for (int64_t b = begin; b < end; ++b)
        for (int64_t f = 0; f < filters; ++f) {
          T a = g[b * filters + f];
          if (a != 0) axpy(a, ws + f * window, d + (b * length + start[b * filters + f]) * embed, window);
        }
    });
  }
}

struct ConvReluMax : public torch::autograd::Function<ConvReluMax> {
  static at::Tensor forward(AutogradContext* ctx, const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias) {
    at::Tensor x = input.contiguous();
    at::Tensor pre = at::conv1d(x.transpose(1, 2), weight, bias);   // [B, F, T−w+1]
    auto [best, index] = at::max(pre, 2);                           // max then ReLU = ReLU then max, exactly
    at::Tensor out = at::relu(best);
    ctx->save_for_backward({x, weight, index, out});
    return out;
  }

  static variable_list backward(AutogradContext* ctx, variable_list grad_outputs) {
    auto saved = ctx->get_saved_variables();
    const at::Tensor &x = saved[0], &weight = saved[1], &index = saved[2], &out = saved[3];
    at::Tensor g = (grad_outputs[0] * out.gt(0)).contiguous();
    at::Tensor weight_t = weight.permute({0, 2, 1}).contiguous();   // [F, w, E]
    at::Tensor dx, dweight_t;
    if (ctx->needs_input_grad(0)) dx = at::zeros_like(x);
    if (ctx->needs_input_grad(1)) dweight_t = at::zeros_like(weight_t);
    AT_DISPATCH_FLOATING_TYPES(x.scalar_type(), "conv_relu_max_backward", [&] {
      sparse_backward<scalar_t>(g, index, x, weight_t, dx.defined() ? &dx : nullptr,
                                dweight_t.defined() ? &dweight_t : nullptr);
    });
    at::Tensor dweight = dweight_t.defined() ? dweight_t.permute({0, 2, 1}).contiguous() : at::Tensor();
    at::Tensor dbias = ctx->needs_input_grad(2) ? g.sum(0) : at::Tensor();
    return {dx, dweight, dbias};
  }
};

void check_conv_shapes(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias, const char* name) {
  if (x.dim() != 3 || weight.dim() != 3 || bias.dim() != 1)
    throw std::invalid_argument(std::string(name) + " expects input [B, T, E], weight [F, E, w], bias [F]");
  if (x.size(2) != weight.size(1) || bias.size(0) != weight.size(0))
    throw std::invalid_argument(std::string(name) + ": input has " + std::to_string(x.size(2)) + " channels, weight " +
                                std::to_string(weight.size(1)) + ", bias " + std::to_string(bias.size(0)) +
                                " filters for " + std::to_string(weight.size(0)));
  if (weight.size(2) > x.size(1))
    throw std::invalid_argument(std::string(name) + ": filter width " + std::to_string(weight.size(2)) +
                                " is longer than the sequence length " + std::to_string(x.size(1)));
}

constexpr int64_t kRowBlock = 32;

// tables [w, V, F]; tokens [R, T]; first [R] -> out [R, F] (see the file comment).
void window_max_kernel(const float* tables, const float* bias, const int64_t* tokens, const int64_t* first, float* out,
                       int64_t rows, int64_t length, int64_t width, int64_t vocab, int64_t filters) {
  int64_t windows = length - width + 1;
  int64_t blocks = (rows + kRowBlock - 1) / kRowBlock;
  at::parallel_for(0, blocks, 1, [&](int64_t begin, int64_t end) {
    // Pre-activations of a block of rows, all windows: kRowBlock × windows × F floats (≤ 0.5 MB), kept in cache
    // while each offset's table (V × F) is swept once per block.
    std::vector<float> acc(static_cast<size_t>(kRowBlock * windows * filters));
    for (int64_t blk = begin; blk < end; ++blk) {
      int64_t r0 = blk * kRowBlock, n = std::min(kRowBlock, rows - r0);
      for (int64_t r = 0; r < n; ++r)
        for (int64_t s = first[r0 + r]; s < windows; ++s)
          std::copy(bias, bias + filters, acc.data() + (r * windows + s) * filters);
      for (int64_t k = 0; k < width; ++k) {
        const float* table = tables + k * vocab * filters;
        for (int64_t r = 0; r < n; ++r) {
          const int64_t* row_tokens = tokens + (r0 + r) * length + k;
          for (int64_t s = first[r0 + r]; s < windows; ++s)
            sg::rows::add(acc.data() + (r * windows + s) * filters, table + row_tokens[s] * filters, filters);
        }
      }
      for (int64_t r = 0; r < n; ++r) {
        float* best = out + (r0 + r) * filters;
        std::fill(best, best + filters, 0.0f);   // the ReLU: max(0, every window)
        for (int64_t s = first[r0 + r]; s < windows; ++s)
          sg::rows::max_into(best, acc.data() + (r * windows + s) * filters, filters);
      }
    }
  });
}

}  // namespace

// input [B, T, E], weight [F, E, w], bias [F] -> [B, F] = max over window starts of relu(conv1d), differentiable
// in all three (see the file comment for the backward).
SG_API int32_t sg_conv_relu_max(TensorHandle input, TensorHandle weight, TensorHandle bias, TensorHandle* out) {
  return sg::guarded([&] {
    const at::Tensor& x = sg::ref(input);
    const at::Tensor& w = sg::ref(weight);
    const at::Tensor& b = sg::ref(bias);
    check_conv_shapes(x, w, b, "conv_relu_max");
    bool fusable = x.device().is_cpu() && (x.scalar_type() == at::kFloat || x.scalar_type() == at::kDouble) &&
                   w.scalar_type() == x.scalar_type() && b.scalar_type() == x.scalar_type() && w.device().is_cpu() &&
                   b.device().is_cpu();
    if (!fusable) {
      *out = sg::wrap(std::get<0>(at::max(at::relu(at::conv1d(x.transpose(1, 2), w, b)), 2)));
      return;
    }
    *out = sg::wrap(ConvReluMax::apply(x, w, b));
  });
}

// embedding [V, E], weight [F, E, w], bias [F], tokens int64 [R, T], first int64 [R] ->
// [R, F] = max over window starts s >= first[r] of relu(bias + Σ_k weight[:, :, k]·embedding[tokens[r, s + k]]).
// No gradient. first[r] must lie in [0, T − w].
SG_API int32_t sg_window_max_from_embedding(TensorHandle embedding, TensorHandle weight, TensorHandle bias,
                                            TensorHandle tokens, TensorHandle first, TensorHandle* out) {
  return sg::guarded([&] {
    at::NoGradGuard guard;
    const at::Tensor& emb = sg::ref(embedding);
    const at::Tensor& w = sg::ref(weight);
    const at::Tensor& b = sg::ref(bias);
    const at::Tensor& y = sg::ref(tokens);
    const at::Tensor& s = sg::ref(first);
    if (emb.dim() != 2 || w.dim() != 3 || b.dim() != 1 || y.dim() != 2 || s.dim() != 1)
      throw std::invalid_argument("window_max_from_embedding expects embedding [V, E], weight [F, E, w], bias [F], tokens [R, T], first [R]");
    int64_t vocab = emb.size(0), filters = w.size(0), width = w.size(2), rows = y.size(0), length = y.size(1);
    if (emb.size(1) != w.size(1) || b.size(0) != filters || s.size(0) != rows)
      throw std::invalid_argument("window_max_from_embedding: shapes do not agree");
    if (width > length)
      throw std::invalid_argument("window_max_from_embedding: filter width " + std::to_string(width) +
                                  " is longer than the sequence length " + std::to_string(length));
    if (y.scalar_type() != at::kLong || s.scalar_type() != at::kLong)
      throw std::invalid_argument("window_max_from_embedding: tokens and first must be int64");
    if (!emb.device().is_cpu() || emb.scalar_type() != at::kFloat || w.scalar_type() != at::kFloat || b.scalar_type() != at::kFloat)
      throw std::invalid_argument("window_max_from_embedding: CPU float32 only");
    int64_t at, value;
    if (sg::first_outside(y, 0, vocab - 1, &at, &value))
      throw std::out_of_range("window_max_from_embedding: token " + std::to_string(value) +
                              " is outside the vocabulary [0, " + std::to_string(vocab) + ")");
    if (sg::first_outside(s, 0, length - width, &at, &value))
      throw std::out_of_range("window_max_from_embedding: first window start outside [0, " + std::to_string(length - width) +
                              "]: " + std::to_string(value) + " (row " + std::to_string(at) + ")");
    // tables[k][v][f] = Σ_e weight[f, e, k]·embedding[v, e]: one GEMM [V, E] x [E, w·F], then offset-major.
    at::Tensor projection = at::mm(emb, w.permute({1, 2, 0}).reshape({emb.size(1), width * filters}));
    at::Tensor tables = projection.view({vocab, width, filters}).permute({1, 0, 2}).contiguous();
    at::Tensor yc = y.contiguous(), sc = s.contiguous(), bc = b.contiguous();
    at::Tensor result = at::empty({rows, filters}, emb.options());
    window_max_kernel(tables.data_ptr<float>(), bc.data_ptr<float>(), yc.data_ptr<int64_t>(), sc.data_ptr<int64_t>(),
                      result.data_ptr<float>(), rows, length, width, vocab, filters);
    *out = sg::wrap(result);
  });
}
