using System.Diagnostics.CodeAnalysis;

namespace Switchboard.Sip.Internal;

/// <summary>Throws kept out of line so the callers stay small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowArgument(string message, string parameterName) => throw new ArgumentException(message, parameterName);

    [DoesNotReturn]
    public static void ThrowArgumentOutOfRange(string parameterName, string message) =>
        throw new ArgumentOutOfRangeException(parameterName, message);
}
