namespace Switchboard.Domain.Acd;

/// <summary>Every <see cref="WorkKind"/>, once, for per-kind tables indexed by the kind's value.</summary>
internal static class WorkKinds
{
    public static readonly WorkKind[] All = Enum.GetValues<WorkKind>();
}
