// Indexing, joining and reshaping.
#include "bridge.h"

SG_API int32_t sg_reshape(TensorHandle a, const int64_t* shape, int32_t ndim, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(sg::ref(a).reshape(sg::dims(shape, ndim))); });
}
SG_API int32_t sg_expand(TensorHandle a, const int64_t* shape, int32_t ndim, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(sg::ref(a).expand(sg::dims(shape, ndim))); });
}
SG_API int32_t sg_permute(TensorHandle a, const int64_t* order, int32_t ndim, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(sg::ref(a).permute(sg::dims(order, ndim))); });
}
SG_API int32_t sg_transpose(TensorHandle a, int64_t d0, int64_t d1, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(sg::ref(a).transpose(d0, d1)); });
}
SG_API int32_t sg_unsqueeze(TensorHandle a, int64_t dim, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(sg::ref(a).unsqueeze(dim)); });
}
SG_API int32_t sg_squeeze(TensorHandle a, int64_t dim, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(sg::ref(a).squeeze(dim)); });
}
SG_API int32_t sg_narrow(TensorHandle a, int64_t dim, int64_t start, int64_t length, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(sg::ref(a).narrow(dim, start, length)); });
}
SG_API int32_t sg_select(TensorHandle a, int64_t dim, int64_t index, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(sg::ref(a).select(dim, index)); });
}
SG_API int32_t sg_repeat_interleave(TensorHandle a, int64_t repeats, int64_t dim, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::repeat_interleave(sg::ref(a), repeats, dim)); });
}
SG_API int32_t sg_gather(TensorHandle a, int64_t dim, TensorHandle index, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::gather(sg::ref(a), dim, sg::ref(index))); });
}
SG_API int32_t sg_index_select(TensorHandle a, int64_t dim, TensorHandle index, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::index_select(sg::ref(a), dim, sg::ref(index))); });
}

static std::vector<at::Tensor> collect(TensorHandle* handles, int32_t count) {
  if (count <= 0) throw std::invalid_argument("need at least one tensor to join");
  std::vector<at::Tensor> list;
  list.reserve(static_cast<size_t>(count));
  for (int32_t i = 0; i < count; ++i) list.push_back(sg::ref(handles[i]));
  return list;
}
SG_API int32_t sg_cat(TensorHandle* handles, int32_t count, int64_t dim, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::cat(collect(handles, count), dim)); });
}
SG_API int32_t sg_stack(TensorHandle* handles, int32_t count, int64_t dim, TensorHandle* out) {
  return sg::guarded([&] { *out = sg::wrap(at::stack(collect(handles, count), dim)); });
}
