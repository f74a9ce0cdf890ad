using System.Runtime.InteropServices;

namespace Switchboard.Media.WebRtc.Interop;

/// <summary>
/// Checks once that the system libraries WebRTC media runs on are installed, so that a missing one is
/// reported with the package to install rather than as a bare <see cref="DllNotFoundException"/> deep in a call.
/// </summary>
internal static class NativeLibraries
{
    private static readonly Lazy<string?> OpenSslMissing = new(() => FindMissing((LibSsl.Library, "libssl3"), (LibCrypto.Library, "libssl3")));
    private static readonly Lazy<string?> LibSrtpMissing = new(() => FindMissing((LibSrtp.Library, "libsrtp2-1")));

    public static void RequireOpenSsl() => ThrowIfMissing(OpenSslMissing.Value);

    public static void RequireLibSrtp() => ThrowIfMissing(LibSrtpMissing.Value);

    private static string? FindMissing(params (string Library, string Package)[] libraries)
    {
        foreach (var (library, package) in libraries)
        {
            if (!NativeLibrary.TryLoad(library, out _))
            {
                return $"{library} is not installed; WebRTC media needs it: apt-get install {package}";
            }
        }

        return null;
    }

    private static void ThrowIfMissing(string? message)
    {
        if (message is not null)
        {
            throw new DllNotFoundException(message);
        }
    }
}
