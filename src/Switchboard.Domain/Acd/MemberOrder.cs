namespace Switchboard.Domain.Acd;

/// <summary>Members by level, then position, then user id (a total order, for deterministic choices).</summary>
internal sealed class MemberOrder : IComparer<QueueMember>
{
    public static readonly MemberOrder Instance = new();

    public int Compare(QueueMember? x, QueueMember? y)
    {
        if (ReferenceEquals(x, y))
            return 0;
        if (x is null)
            return -1;
        if (y is null)
            return 1;

        var byLevel = x.Level.CompareTo(y.Level);
        if (byLevel != 0)
            return byLevel;
        var byPosition = x.Position.CompareTo(y.Position);
        return byPosition != 0 ? byPosition : x.UserId.CompareTo(y.UserId);
    }
}
