using System.Reflection;
using System.Runtime.InteropServices;

namespace SeqGan.Research.Tensors;

/// <summary>The C ABI of Native/*.cpp. Every function returning int returns 0 on success; on failure
/// <see cref="Check"/> throws a <see cref="TorchException"/> with libtorch's message.</summary>
internal static unsafe partial class NativeMethods
{
    private const string Lib = NativeLibraryLoader.LibraryName;

    static NativeMethods() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeMethods).Assembly, NativeLibraryLoader.Resolve);

    public static void Check(int status)
    {
        if (status != 0) throw new TorchException(Marshal.PtrToStringUTF8(sg_last_error()) ?? "unknown libtorch error");
    }

    // ---- core ----
    [LibraryImport(Lib)] public static partial nint sg_last_error();
    [LibraryImport(Lib)] public static partial nint sg_torch_version();
    [LibraryImport(Lib)] public static partial nint sg_build_config();
    [LibraryImport(Lib)] public static partial int sg_get_num_threads();
    [LibraryImport(Lib)] public static partial int sg_set_num_threads(int n);
    [LibraryImport(Lib)] public static partial int sg_cuda_device_count();
    [LibraryImport(Lib)] public static partial int sg_manual_seed(ulong seed);
    [LibraryImport(Lib)] public static partial void sg_free(nint h);
    [LibraryImport(Lib)] public static partial int sg_ndim(TensorHandle h);
    [LibraryImport(Lib)] public static partial int sg_shape(TensorHandle h, long* shape, int capacity);
    [LibraryImport(Lib)] public static partial long sg_numel(TensorHandle h);
    [LibraryImport(Lib)] public static partial int sg_dtype(TensorHandle h);
    [LibraryImport(Lib)] public static partial int sg_device_type(TensorHandle h);
    [LibraryImport(Lib)] public static partial int sg_device_index(TensorHandle h);
    [LibraryImport(Lib)] public static partial int sg_requires_grad(TensorHandle h);
    [LibraryImport(Lib)] public static partial int sg_set_requires_grad(TensorHandle h, int value);
    [LibraryImport(Lib)] public static partial int sg_copy_to_host(TensorHandle h, void* dst, long nbytes);
    [LibraryImport(Lib)] public static partial int sg_item_double(TensorHandle h, out double value);
    [LibraryImport(Lib)] public static partial int sg_all_finite(TensorHandle h, out int allFinite);
    [LibraryImport(Lib)] public static partial int sg_item_long(TensorHandle h, out long value);
    [LibraryImport(Lib)] public static partial int sg_to(TensorHandle h, int dtype, int deviceType, int deviceIndex, out nint result);
    [LibraryImport(Lib)] public static partial int sg_clone(TensorHandle h, out nint result);
    [LibraryImport(Lib)] public static partial int sg_detach(TensorHandle h, out nint result);
    [LibraryImport(Lib)] public static partial int sg_contiguous(TensorHandle h, out nint result);
    [LibraryImport(Lib)] public static partial int sg_shallow_copy(TensorHandle h, out nint result);
    [LibraryImport(Lib)] public static partial int sg_set_data(TensorHandle h, TensorHandle source);
    [LibraryImport(Lib)] public static partial int sg_backward(TensorHandle h, nint grad);
    [LibraryImport(Lib)] public static partial int sg_grad(TensorHandle h, out nint result);
    [LibraryImport(Lib)] public static partial int sg_clear_grad(TensorHandle h);
    [LibraryImport(Lib)] public static partial int sg_is_grad_enabled();
    [LibraryImport(Lib)] public static partial void sg_set_grad_enabled(int enabled);

    // ---- creation ----
    [LibraryImport(Lib)] public static partial int sg_from_host(void* data, long nbytes, long* shape, int ndim, int dtype, int deviceType, int deviceIndex, out nint result);
    [LibraryImport(Lib)] public static partial int sg_zeros(long* shape, int ndim, int dtype, int deviceType, int deviceIndex, out nint result);
    [LibraryImport(Lib)] public static partial int sg_full(long* shape, int ndim, double value, int dtype, int deviceType, int deviceIndex, out nint result);
    [LibraryImport(Lib)] public static partial int sg_arange(long end, int dtype, int deviceType, int deviceIndex, out nint result);
    [LibraryImport(Lib)] public static partial int sg_rand(long* shape, int ndim, int dtype, int deviceType, int deviceIndex, out nint result);
    [LibraryImport(Lib)] public static partial int sg_randn(long* shape, int ndim, int dtype, int deviceType, int deviceIndex, out nint result);
    [LibraryImport(Lib)] public static partial int sg_randint(long low, long high, long* shape, int ndim, int deviceType, int deviceIndex, out nint result);
    [LibraryImport(Lib)] public static partial int sg_randperm(long n, int deviceType, int deviceIndex, out nint result);
    [LibraryImport(Lib)] public static partial int sg_cpu_rng_state(byte* destination, long capacity, out long size);
    [LibraryImport(Lib)] public static partial int sg_set_cpu_rng_state(byte* source, long size);
    [LibraryImport(Lib)] public static partial int sg_normal_(TensorHandle h, double mean, double std);
    [LibraryImport(Lib)] public static partial int sg_uniform_(TensorHandle h, double low, double high);
    [LibraryImport(Lib)] public static partial int sg_fill_(TensorHandle h, double value);
    [LibraryImport(Lib)] public static partial int sg_trunc_normal_(TensorHandle h, double mean, double std);

    // ---- math ----
    [LibraryImport(Lib)] public static partial int sg_add(TensorHandle a, TensorHandle b, out nint result);
    [LibraryImport(Lib)] public static partial int sg_sub(TensorHandle a, TensorHandle b, out nint result);
    [LibraryImport(Lib)] public static partial int sg_mul(TensorHandle a, TensorHandle b, out nint result);
    [LibraryImport(Lib)] public static partial int sg_div(TensorHandle a, TensorHandle b, out nint result);
    [LibraryImport(Lib)] public static partial int sg_pow(TensorHandle a, TensorHandle b, out nint result);
    [LibraryImport(Lib)] public static partial int sg_maximum(TensorHandle a, TensorHandle b, out nint result);
    [LibraryImport(Lib)] public static partial int sg_minimum(TensorHandle a, TensorHandle b, out nint result);
    [LibraryImport(Lib)] public static partial int sg_matmul(TensorHandle a, TensorHandle b, out nint result);
    [LibraryImport(Lib)] public static partial int sg_logical_and(TensorHandle a, TensorHandle b, out nint result);
    [LibraryImport(Lib)] public static partial int sg_logical_or(TensorHandle a, TensorHandle b, out nint result);
    [LibraryImport(Lib)] public static partial int sg_add_scalar(TensorHandle a, double s, out nint result);
    [LibraryImport(Lib)] public static partial int sg_mul_scalar(TensorHandle a, double s, out nint result);
    [LibraryImport(Lib)] public static partial int sg_rsub_scalar(TensorHandle a, double s, out nint result);
    [LibraryImport(Lib)] public static partial int sg_div_scalar(TensorHandle a, double s, out nint result);
    [LibraryImport(Lib)] public static partial int sg_pow_scalar(TensorHandle a, double s, out nint result);
    [LibraryImport(Lib)] public static partial int sg_clamp(TensorHandle a, double low, double high, out nint result);
    [LibraryImport(Lib)] public static partial int sg_neg(TensorHandle a, out nint result);
    [LibraryImport(Lib)] public static partial int sg_exp(TensorHandle a, out nint result);
    [LibraryImport(Lib)] public static partial int sg_log(TensorHandle a, out nint result);
    [LibraryImport(Lib)] public static partial int sg_sqrt(TensorHandle a, out nint result);
    [LibraryImport(Lib)] public static partial int sg_abs(TensorHandle a, out nint result);
    [LibraryImport(Lib)] public static partial int sg_sigmoid(TensorHandle a, out nint result);
    [LibraryImport(Lib)] public static partial int sg_tanh(TensorHandle a, out nint result);
    [LibraryImport(Lib)] public static partial int sg_relu(TensorHandle a, out nint result);
    [LibraryImport(Lib)] public static partial int sg_logical_not(TensorHandle a, out nint result);
    [LibraryImport(Lib)] public static partial int sg_addmm(TensorHandle bias, TensorHandle x, TensorHandle w, out nint result);
    [LibraryImport(Lib)] public static partial int sg_sum_all(TensorHandle a, out nint result);
    [LibraryImport(Lib)] public static partial int sg_mean_all(TensorHandle a, out nint result);
    [LibraryImport(Lib)] public static partial int sg_max_all(TensorHandle a, out nint result);
    [LibraryImport(Lib)] public static partial int sg_sum_dim(TensorHandle a, long dim, int keepdim, out nint result);
    [LibraryImport(Lib)] public static partial int sg_mean_dim(TensorHandle a, long dim, int keepdim, out nint result);
    [LibraryImport(Lib)] public static partial int sg_max_dim(TensorHandle a, long dim, int keepdim, out nint values, out nint indices);
    [LibraryImport(Lib)] public static partial int sg_amax(TensorHandle a, long dim, int keepdim, out nint result);
    [LibraryImport(Lib)] public static partial int sg_argmax(TensorHandle a, long dim, int keepdim, out nint result);
    [LibraryImport(Lib)] public static partial int sg_cummax(TensorHandle a, long dim, out nint result);
    [LibraryImport(Lib)] public static partial int sg_cumsum(TensorHandle a, long dim, out nint result);
    [LibraryImport(Lib)] public static partial int sg_log_softmax(TensorHandle a, long dim, out nint result);
    [LibraryImport(Lib)] public static partial int sg_softmax(TensorHandle a, long dim, out nint result);
    [LibraryImport(Lib)] public static partial int sg_compare(TensorHandle a, TensorHandle b, int op, out nint result);
    [LibraryImport(Lib)] public static partial int sg_compare_scalar(TensorHandle a, double b, int op, out nint result);
    [LibraryImport(Lib)] public static partial int sg_where(TensorHandle condition, TensorHandle a, TensorHandle b, out nint result);
    [LibraryImport(Lib)] public static partial int sg_add_(TensorHandle self, TensorHandle other, double alpha);
    [LibraryImport(Lib)] public static partial int sg_mul_(TensorHandle self, TensorHandle other);
    [LibraryImport(Lib)] public static partial int sg_mul_scalar_(TensorHandle self, double value);
    [LibraryImport(Lib)] public static partial int sg_addcmul_(TensorHandle self, TensorHandle a, TensorHandle b, double value);
    [LibraryImport(Lib)] public static partial int sg_addcdiv_(TensorHandle self, TensorHandle a, TensorHandle b, double value);
    [LibraryImport(Lib)] public static partial int sg_adam_step_(TensorHandle param, TensorHandle grad, TensorHandle firstMoment, TensorHandle secondMoment, double beta1, double beta2, double stepSize, double correction2Sqrt, double epsilon, double weightDecay);
    [LibraryImport(Lib)] public static partial int sg_copy_(TensorHandle self, TensorHandle source);
    [LibraryImport(Lib)] public static partial int sg_adam_step_multi_(nint* parameters, nint* gradients, nint* firstMoments, nint* secondMoments, int count, double beta1, double beta2, double stepSize, double correction2Sqrt, double epsilon, double weightDecay);

    // ---- diagnostics ----
    [LibraryImport(Lib)] public static partial nint sg_cuda_library();
    [LibraryImport(Lib)] public static partial long sg_host_reads();
    [LibraryImport(Lib)] public static partial int sg_op_counter_start();
    [LibraryImport(Lib)] public static partial int sg_op_counter_stop(out long total, out long leaves, out long syncs);

    // ---- shape ----
    [LibraryImport(Lib)] public static partial int sg_reshape(TensorHandle a, long* shape, int ndim, out nint result);
    [LibraryImport(Lib)] public static partial int sg_expand(TensorHandle a, long* shape, int ndim, out nint result);
    [LibraryImport(Lib)] public static partial int sg_permute(TensorHandle a, long* order, int ndim, out nint result);
    [LibraryImport(Lib)] public static partial int sg_transpose(TensorHandle a, long d0, long d1, out nint result);
    [LibraryImport(Lib)] public static partial int sg_unsqueeze(TensorHandle a, long dim, out nint result);
    [LibraryImport(Lib)] public static partial int sg_squeeze(TensorHandle a, long dim, out nint result);
    [LibraryImport(Lib)] public static partial int sg_narrow(TensorHandle a, long dim, long start, long length, out nint result);
    [LibraryImport(Lib)] public static partial int sg_select(TensorHandle a, long dim, long index, out nint result);
    [LibraryImport(Lib)] public static partial int sg_repeat_interleave(TensorHandle a, long repeats, long dim, out nint result);
    [LibraryImport(Lib)] public static partial int sg_gather(TensorHandle a, long dim, TensorHandle index, out nint result);
    [LibraryImport(Lib)] public static partial int sg_index_select(TensorHandle a, long dim, TensorHandle index, out nint result);
    [LibraryImport(Lib)] public static partial int sg_cat(nint* handles, int count, long dim, out nint result);
    [LibraryImport(Lib)] public static partial int sg_stack(nint* handles, int count, long dim, out nint result);

    // ---- nn ----
    [LibraryImport(Lib)] public static partial int sg_embedding(TensorHandle weight, TensorHandle indices, out nint result);
    [LibraryImport(Lib)] public static partial int sg_conv1d(TensorHandle input, TensorHandle weight, nint bias, out nint result);
    [LibraryImport(Lib)] public static partial int sg_dropout(TensorHandle a, double p, int train, out nint result);
    [LibraryImport(Lib)] public static partial int sg_nll_loss(TensorHandle logp, TensorHandle target, int reduction, out nint result);
    [LibraryImport(Lib)] public static partial int sg_sample_rows_with_uniforms(TensorHandle weights, TensorHandle uniforms, int areLogits, out nint result);
    [LibraryImport(Lib)] public static partial int sg_sample_from_hidden(TensorHandle hidden, TensorHandle weight, TensorHandle bias, TensorHandle uniforms, out nint result);
    [LibraryImport(Lib)] public static partial int sg_sample_rows(TensorHandle weights, int areLogits, out nint result);
    [LibraryImport(Lib)] public static partial int sg_output_log_prob(TensorHandle hidden, TensorHandle weight, TensorHandle bias, TensorHandle targets, out nint result);
    [LibraryImport(Lib)] public static partial int sg_conv_relu_max(TensorHandle input, TensorHandle weight, TensorHandle bias, out nint result);
    [LibraryImport(Lib)] public static partial int sg_window_max_from_embedding(TensorHandle embedding, TensorHandle weight, TensorHandle bias, TensorHandle tokens, TensorHandle firstStart, out nint result);
}
