using System.Runtime.InteropServices;

namespace Switchboard.Media.WebRtc.Interop;

/// <summary>The libsrtp2 (2.x ABI, libsrtp2.so.1) calls and structures of srtp2/srtp.h.</summary>
internal static unsafe partial class LibSrtp
{
    public const string Library = "libsrtp2.so.1";

    [LibraryImport(Library, EntryPoint = "srtp_init")]
    public static partial SrtpErrorStatus srtp_init();

    [LibraryImport(Library, EntryPoint = "srtp_create")]
    public static partial SrtpErrorStatus srtp_create(out SrtpSessionHandle session, SrtpPolicy* policy);

    [LibraryImport(Library, EntryPoint = "srtp_dealloc")]
    public static partial SrtpErrorStatus srtp_dealloc(nint session);

    [LibraryImport(Library, EntryPoint = "srtp_crypto_policy_set_rtp_default")]
    public static partial void srtp_crypto_policy_set_rtp_default(SrtpCryptoPolicy* policy);

    [LibraryImport(Library, EntryPoint = "srtp_crypto_policy_set_rtcp_default")]
    public static partial void srtp_crypto_policy_set_rtcp_default(SrtpCryptoPolicy* policy);

    [LibraryImport(Library, EntryPoint = "srtp_protect")]
    public static partial SrtpErrorStatus srtp_protect(SrtpSessionHandle session, byte* packet, int* length);

    [LibraryImport(Library, EntryPoint = "srtp_unprotect")]
    public static partial SrtpErrorStatus srtp_unprotect(SrtpSessionHandle session, byte* packet, int* length);

    [LibraryImport(Library, EntryPoint = "srtp_protect_rtcp")]
    public static partial SrtpErrorStatus srtp_protect_rtcp(SrtpSessionHandle session, byte* packet, int* length);

    [LibraryImport(Library, EntryPoint = "srtp_unprotect_rtcp")]
    public static partial SrtpErrorStatus srtp_unprotect_rtcp(SrtpSessionHandle session, byte* packet, int* length);

    /// <summary>srtp_ssrc_type_t: which streams a policy applies to.</summary>
    public enum SsrcType
    {
        Undefined = 0,
        Specific = 1,
        AnyInbound = 2,
        AnyOutbound = 3,
    }

    /// <summary>srtp_crypto_policy_t, filled by the *_default functions.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SrtpCryptoPolicy
    {
        public int CipherType;
        public int CipherKeyLength;
        public int AuthenticationType;
        public int AuthenticationKeyLength;
        public int AuthenticationTagLength;
        public int SecurityServices;
    }

    /// <summary>srtp_policy_t of libsrtp 2.x.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SrtpPolicy
    {
        public SsrcType SsrcType;
        public uint SsrcValue;
        public SrtpCryptoPolicy Rtp;
        public SrtpCryptoPolicy Rtcp;
        public byte* Key;
        public nint Keys;
        public CULong MasterKeyCount;
        public nint DeprecatedEkt;
        public CULong WindowSize;
        public int AllowRepeatTransmission;
        public nint EncryptedExtensionHeaders;
        public int EncryptedExtensionHeaderCount;
        public nint Next;
    }
}
