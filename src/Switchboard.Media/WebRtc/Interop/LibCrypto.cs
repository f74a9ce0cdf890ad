using System.Runtime.InteropServices;

namespace Switchboard.Media.WebRtc.Interop;

/// <summary>The libcrypto (OpenSSL 3) calls the DTLS transport needs: memory BIOs, X.509, keys, errors.</summary>
internal static unsafe partial class LibCrypto
{
    public const string Library = "libcrypto.so.3";

    /// <summary>BIO_set_mem_eof_return is a macro over BIO_ctrl with this command.</summary>
    public const int BioSetBufferMemoryEofReturn = 130;

    [LibraryImport(Library, EntryPoint = "BIO_s_mem")]
    public static partial nint BIO_s_mem();

    [LibraryImport(Library, EntryPoint = "BIO_new")]
    public static partial BioHandle BIO_new(nint method);

    [LibraryImport(Library, EntryPoint = "BIO_free")]
    public static partial int BIO_free(nint bio);

    [LibraryImport(Library, EntryPoint = "BIO_up_ref")]
    public static partial int BIO_up_ref(BioHandle bio);

    [LibraryImport(Library, EntryPoint = "BIO_read")]
    public static partial int BIO_read(BioHandle bio, byte* data, int length);

    [LibraryImport(Library, EntryPoint = "BIO_write")]
    public static partial int BIO_write(BioHandle bio, byte* data, int length);

    [LibraryImport(Library, EntryPoint = "BIO_ctrl")]
    public static partial CLong BIO_ctrl(BioHandle bio, int command, CLong larg, nint parg);

    [LibraryImport(Library, EntryPoint = "BIO_ctrl_pending")]
    public static partial nuint BIO_ctrl_pending(BioHandle bio);

    [LibraryImport(Library, EntryPoint = "d2i_X509")]
    public static partial X509Handle d2i_X509(nint reuse, byte** data, CLong length);

    [LibraryImport(Library, EntryPoint = "i2d_X509")]
    public static partial int i2d_X509(nint certificate, byte** output);

    [LibraryImport(Library, EntryPoint = "X509_free")]
    public static partial void X509_free(nint certificate);

    [LibraryImport(Library, EntryPoint = "d2i_AutoPrivateKey")]
    public static partial EvpPkeyHandle d2i_AutoPrivateKey(nint reuse, byte** data, CLong length);

    [LibraryImport(Library, EntryPoint = "EVP_PKEY_free")]
    public static partial void EVP_PKEY_free(nint key);

    [LibraryImport(Library, EntryPoint = "X509_STORE_CTX_get_ex_data")]
    public static partial nint X509_STORE_CTX_get_ex_data(nint storeContext, int index);

    [LibraryImport(Library, EntryPoint = "X509_STORE_CTX_get_error_depth")]
    public static partial int X509_STORE_CTX_get_error_depth(nint storeContext);

    [LibraryImport(Library, EntryPoint = "X509_STORE_CTX_get_current_cert")]
    public static partial nint X509_STORE_CTX_get_current_cert(nint storeContext);

    [LibraryImport(Library, EntryPoint = "ERR_get_error")]
    public static partial CULong ERR_get_error();

    [LibraryImport(Library, EntryPoint = "ERR_error_string_n")]
    public static partial void ERR_error_string_n(CULong error, byte* buffer, nuint length);

    [LibraryImport(Library, EntryPoint = "ERR_clear_error")]
    public static partial void ERR_clear_error();

    /// <summary>The oldest error on this thread's OpenSSL error queue as text, and the queue emptied.</summary>
    public static string TakeErrors()
    {
        var first = ERR_get_error();
        if (first.Value == 0)
        {
            return "no OpenSSL error recorded";
        }

        var buffer = stackalloc byte[256];
        ERR_error_string_n(first, buffer, 256);
        ERR_clear_error();
        return Marshal.PtrToStringUTF8((nint)buffer) ?? "unreadable OpenSSL error";
    }
}
