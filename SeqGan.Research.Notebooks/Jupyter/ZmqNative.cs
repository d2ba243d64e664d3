using System.Runtime.InteropServices;

namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>The part of libzmq's C API the kernel uses (Debian's libzmq5, ZeroMQ 4.x). Only
/// <see cref="ZmqSocket"/> and <see cref="ZmqContext"/> call it.</summary>
internal static partial class ZmqNative
{
    private const string Library = "libzmq.so.5";

    public const int Pub = 1;
    public const int Rep = 4;
    public const int Router = 6;

    public const int SendMore = 2;
    public const int OptionReceiveMore = 13;
    public const int OptionLinger = 17;
    /// <summary>ZMQ_MAXMSGSIZE (int64): libzmq disconnects a peer that sends a larger frame, before reading it.</summary>
    public const int OptionMaxMessageSize = 22;
    public const int OptionReceiveTimeout = 27;

    /// <summary>errno values libzmq reports through <see cref="Errno"/>.</summary>
    public const int EAgain = 11;
    public const int EIntr = 4;

    /// <summary>zmq_msg_t is an opaque 64-byte structure.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 64)]
    public struct Message;

    [LibraryImport(Library, EntryPoint = "zmq_ctx_new")]
    public static partial nint ContextNew();

    [LibraryImport(Library, EntryPoint = "zmq_ctx_term")]
    public static partial int ContextTerm(nint context);

    [LibraryImport(Library, EntryPoint = "zmq_socket")]
    public static partial nint Socket(nint context, int type);

    [LibraryImport(Library, EntryPoint = "zmq_close")]
    public static partial int Close(nint socket);

    [LibraryImport(Library, EntryPoint = "zmq_bind", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Bind(nint socket, string endpoint);

    [LibraryImport(Library, EntryPoint = "zmq_setsockopt")]
    public static unsafe partial int SetSocketOption(nint socket, int option, void* value, nuint length);

    [LibraryImport(Library, EntryPoint = "zmq_getsockopt")]
    public static unsafe partial int GetSocketOption(nint socket, int option, void* value, nuint* length);

    [LibraryImport(Library, EntryPoint = "zmq_send")]
    public static unsafe partial int Send(nint socket, byte* buffer, nuint length, int flags);

    [LibraryImport(Library, EntryPoint = "zmq_msg_init")]
    public static unsafe partial int MessageInit(Message* message);

    [LibraryImport(Library, EntryPoint = "zmq_msg_recv")]
    public static unsafe partial int MessageReceive(Message* message, nint socket, int flags);

    [LibraryImport(Library, EntryPoint = "zmq_msg_data")]
    public static unsafe partial byte* MessageData(Message* message);

    [LibraryImport(Library, EntryPoint = "zmq_msg_size")]
    public static unsafe partial nuint MessageSize(Message* message);

    [LibraryImport(Library, EntryPoint = "zmq_msg_close")]
    public static unsafe partial int MessageClose(Message* message);

    [LibraryImport(Library, EntryPoint = "zmq_errno")]
    public static partial int Errno();

    [LibraryImport(Library, EntryPoint = "zmq_strerror")]
    private static partial nint StrError(int errno);

    public static string Describe(int errno) => Marshal.PtrToStringUTF8(StrError(errno)) ?? $"errno {errno}";
}
