// Categorical sampling of one token per row. torch::multinomial draws one random number
// per vocabulary entry; inverse-CDF sampling (cumsum + searchsorted) draws one per row,
// which DESIGN.md measured 10x faster at vocabulary 5000.
#include "bridge.h"

namespace sg {

std::string not_a_distribution(const char* op, int64_t row) {
  return std::string(op) + ": row " + std::to_string(row) +
         " is not a probability distribution (a NaN, infinite or negative weight, or no positive weight): "
         "the model's parameters or inputs are no longer finite numbers (torch.multinomial refuses such rows too)";
}

// A CPU tensor's flag is read in place: no aten::item call, which the operator counter would report as a device
// sync on every sampling step. On a GPU the read is one sync per sampling call.
static bool any_true(const at::Tensor& flags) {
  at::Tensor any = flags.any();
  return any.device().is_cpu() ? *any.data_ptr<bool>() : any.item<bool>();
}

void check_distribution(const at::Tensor& weights, const at::Tensor& totals, bool check_negative, const char* op) {
  if (weights.numel() == 0) return;
  at::NoGradGuard guard;
  at::Tensor bad_total = at::logical_or(at::logical_not(at::isfinite(totals)), totals <= 0);
  bool bad = any_true(bad_total);
  at::Tensor bad_rows = bad_total;
  if (check_negative) {
    at::Tensor negative = (weights < 0).any(1);
    bad = bad || any_true(negative);
    bad_rows = at::logical_or(bad_total, negative);
  }
  if (bad) throw std::invalid_argument(not_a_distribution(op, bad_rows.nonzero().select(1, 0)[0].item<int64_t>()));
}

}  // namespace sg

// probs [B, V] (rows need not be normalised; non-negative) -> int64 [B].
static at::Tensor sample_from_probs(const at::Tensor& probs, bool are_softmax) {
  if (probs.dim() != 2) throw std::invalid_argument("sample_rows expects a [batch, vocab] matrix, got " +
                                                    std::to_string(probs.dim()) + " dimensions");
  at::NoGradGuard guard;
  at::Tensor cdf = at::cumsum(probs, 1);
  int64_t vocab = probs.size(1);
  at::Tensor total = cdf.narrow(1, vocab - 1, 1);                      // [B, 1]
  sg::check_distribution(probs, total.squeeze(1), !are_softmax, "sample_rows");
  at::Tensor u = at::rand({probs.size(0), 1}, probs.options()) * total;  // uniform in [0, total)
  // right=true: the first index whose cdf exceeds u, so zero-probability entries are never drawn.
  at::Tensor index = at::searchsorted(cdf, u, /*out_int32=*/false, /*right=*/true);
  return index.clamp_max_(vocab - 1).squeeze(1);
}

SG_API int32_t sg_sample_rows(TensorHandle weights, int32_t are_logits, TensorHandle* out) {
  return sg::guarded([&] {
    const at::Tensor& w = sg::ref(weights);
    at::NoGradGuard guard;
    *out = sg::wrap(sample_from_probs(are_logits != 0 ? at::softmax(w, 1) : w, are_logits != 0));
  });
}

// Same as sg_sample_rows but with caller-supplied uniforms u [B] in [0, 1): lets a batched algorithm and
// a slow reference loop draw exactly the same tokens, and lets rollouts pre-draw all their noise at once.
SG_API int32_t sg_sample_rows_with_uniforms(TensorHandle weights, TensorHandle uniforms, int32_t are_logits, TensorHandle* out) {
  return sg::guarded([&] {
    const at::Tensor& w = sg::ref(weights);
    const at::Tensor& u = sg::ref(uniforms);
    if (w.dim() != 2) throw std::invalid_argument("sample_rows expects a [batch, vocab] matrix");
    if (u.dim() != 1 || u.size(0) != w.size(0))
      throw std::invalid_argument("uniforms must be a vector with one value per row (" + std::to_string(w.size(0)) + ")");
    at::NoGradGuard guard;
    at::Tensor probs = are_logits != 0 ? at::softmax(w, 1) : w;
    at::Tensor cdf = at::cumsum(probs, 1);
    int64_t vocab = probs.size(1);
    sg::check_distribution(probs, cdf.select(1, vocab - 1), are_logits == 0, "sample_rows");
    at::Tensor target = u.to(cdf.scalar_type()).unsqueeze(1) * cdf.narrow(1, vocab - 1, 1);
    *out = sg::wrap(at::searchsorted(cdf, target, false, true).clamp_max_(vocab - 1).squeeze(1));
  });
}
