// Fused "project the hidden state to the vocabulary and sample one token per row": the hot loop of
// generation and of Monte-Carlo rollouts. Doing it in chunks of rows that fit in cache avoids
// materialising a [rows, vocab] logits matrix (19,456 x 5,000 floats = 389 MB per rollout step) and
// replaces softmax + cumsum + searchsorted (three full passes, one of them sequential) with one
// exp pass plus a blocked search that touches a few hundred partial sums per row.
#include "bridge.h"
#include "bridge_exp.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <atomic>
#include <cmath>

namespace {

constexpr int64_t kChunkRows = 64;
constexpr int64_t kBlock = 16;

// weights[j] = e^(logits[j] - max) in place. Cloned for AVX-512 and AVX2 so one binary runs everywhere
// and fast where it can (the default clone is plain SSE2 x86-64). No clone enables FMA, so every clone
// rounds each exponential identically and draws the same tokens.
__attribute__((target_clones("avx512f", "avx2", "default")))
void exponentiate_row(float* row, int64_t vocab, float max) {
  for (int64_t j = 0; j < vocab; ++j) row[j] = sg::exp_nonpositive(row[j] - max);
}

// Index of the first category whose cumulative weight exceeds u * total, for one row of
// non-negative weights (already exponentiated). Zero-weight categories are never returned.
int64_t search_row(const float* w, int64_t vocab, double u) {
  // Partial sums over blocks of kBlock with independent accumulators (no long dependency chain).
  double total = 0;
  int64_t blocks = (vocab + kBlock - 1) / kBlock;
  float block_sums_stack[1024];
  std::vector<float> block_sums_heap;
  float* block_sums = block_sums_stack;
  if (blocks > 1024) {
    block_sums_heap.resize(static_cast<size_t>(blocks));
    block_sums = block_sums_heap.data();
  }
  for (int64_t b = 0; b < blocks; ++b) {
    const float* p = w + b * kBlock;
    int64_t n = std::min(kBlock, vocab - b * kBlock);
    float s = 0;
    if (n == kBlock) {
      float a0 = p[0] + p[1], a1 = p[2] + p[3], a2 = p[4] + p[5], a3 = p[6] + p[7];
      float a4 = p[8] + p[9], a5 = p[10] + p[11], a6 = p[12] + p[13], a7 = p[14] + p[15];
      s = ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
    } else {
      for (int64_t j = 0; j < n; ++j) s += p[j];
    }
    block_sums[b] = s;
    total += s;
  }
  double target = u * total;
  double cumulative = 0;
  int64_t last_positive = -1;
  for (int64_t b = 0; b < blocks; ++b) {
    if (block_sums[b] > 0) last_positive = b;
    if (cumulative + block_sums[b] > target) {
      const float* p = w + b * kBlock;
      int64_t n = std::min(kBlock, vocab - b * kBlock);
      for (int64_t j = 0; j < n; ++j) {
        cumulative += p[j];
        if (p[j] > 0 && cumulative > target) return b * kBlock + j;
      }
      // Rounding put the target past this block's last positive entry: take that entry.
      for (int64_t j = n - 1; j >= 0; --j)
        if (p[j] > 0) return b * kBlock + j;
    }
    cumulative += block_sums[b];
  }
  // target >= total through rounding: the last category with positive weight.
  if (last_positive >= 0) {
    const float* p = w + last_positive * kBlock;
    int64_t n = std::min(kBlock, vocab - last_positive * kBlock);
    for (int64_t j = n - 1; j >= 0; --j)
      if (p[j] > 0) return last_positive * kBlock + j;
  }
  return vocab - 1;
}

}  // namespace

// hidden [R, H], weight [H, V], bias [V], uniforms [R] in [0, 1) -> int64 [R]:
// token r ~ softmax(hidden[r] @ weight + bias), drawn by inverse CDF with uniforms[r].
SG_API int32_t sg_sample_from_hidden(TensorHandle hidden, TensorHandle weight, TensorHandle bias, TensorHandle uniforms,
                                     TensorHandle* out) {
  return sg::guarded([&] {
    at::NoGradGuard guard;
    const at::Tensor& h = sg::ref(hidden);
    const at::Tensor& w = sg::ref(weight);
    const at::Tensor& b = sg::ref(bias);
    const at::Tensor& u = sg::ref(uniforms);
    if (h.dim() != 2 || w.dim() != 2 || b.dim() != 1 || u.dim() != 1)
      throw std::invalid_argument("sample_from_hidden expects hidden [R, H], weight [H, V], bias [V], uniforms [R]");
    if (h.size(1) != w.size(0) || w.size(1) != b.size(0) || u.size(0) != h.size(0))
      throw std::invalid_argument("sample_from_hidden: shapes do not agree (hidden " + std::to_string(h.size(0)) + "x" +
                                  std::to_string(h.size(1)) + ", weight " + std::to_string(w.size(0)) + "x" +
                                  std::to_string(w.size(1)) + ", bias " + std::to_string(b.size(0)) + ", uniforms " +
                                  std::to_string(u.size(0)) + ")");
    if (!h.device().is_cpu()) {
      // On a GPU the unfused ops are already fast; keep one code path per device simple.
      at::Tensor logits = at::addmm(b, h, w);
      at::Tensor probs = at::softmax(logits, 1);
      at::Tensor cdf = at::cumsum(probs, 1);
      int64_t vocab = probs.size(1);
      sg::check_distribution(probs, cdf.select(1, vocab - 1), false, "sample_from_hidden");
      at::Tensor target = u.to(cdf.scalar_type()).unsqueeze(1) * cdf.narrow(1, vocab - 1, 1);
      *out = sg::wrap(at::searchsorted(cdf, target, false, true).clamp_max_(vocab - 1).squeeze(1));
      return;
    }
    at::Tensor hc = h.to(at::kFloat).contiguous();
    at::Tensor wc = w.to(at::kFloat).contiguous();
    at::Tensor bc = b.to(at::kFloat).contiguous();
    at::Tensor uc = u.to(at::kDouble).contiguous();
    int64_t rows = hc.size(0);
    int64_t vocab = wc.size(1);
    at::Tensor result = at::empty({rows}, at::TensorOptions().dtype(at::kLong));
    int64_t* tokens = result.data_ptr<int64_t>();
    const double* us = uc.data_ptr<double>();
    int64_t chunks = (rows + kChunkRows - 1) / kChunkRows;
    // The first row whose logits are not all finite: its maximum is NaN or infinite (amax propagates NaN), and
    // then its softmax is not a distribution. A finite maximum gives weights in [0, 1] with one weight 1.
    std::atomic<int64_t> bad_row{rows};
    at::parallel_for(0, chunks, 1, [&](int64_t begin, int64_t end) {
      at::Tensor logits = at::empty({kChunkRows, vocab}, at::TensorOptions().dtype(at::kFloat));
      for (int64_t c = begin; c < end; ++c) {
        int64_t first = c * kChunkRows;
        int64_t n = std::min(kChunkRows, rows - first);
        at::Tensor block = logits.narrow(0, 0, n);
        at::addmm_out(block, bc, hc.narrow(0, first, n), wc);   // runs single-threaded inside parallel_for
        at::Tensor maxima = at::amax(block, {1});
        const float* max_data = maxima.data_ptr<float>();
        float* data = block.data_ptr<float>();
        for (int64_t r = 0; r < n; ++r) {
          if (!std::isfinite(max_data[r])) {
            int64_t seen = bad_row.load();
            while (first + r < seen && !bad_row.compare_exchange_weak(seen, first + r)) {}
            tokens[first + r] = 0;
            continue;
          }
          exponentiate_row(data + r * vocab, vocab, max_data[r]);
          tokens[first + r] = search_row(data + r * vocab, vocab, us[first + r]);
        }
      }
    });
    if (bad_row.load() < rows) throw std::invalid_argument(sg::not_a_distribution("sample_from_hidden", bad_row.load()));
    *out = sg::wrap(result.to(h.device()));
  });
}
