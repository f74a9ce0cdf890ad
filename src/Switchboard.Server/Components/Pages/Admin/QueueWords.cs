using Switchboard.Domain.Acd;

namespace Switchboard.Server.Components.Pages.Admin;

/// <summary>Queue settings in the admin's words.</summary>
public static class QueueWords
{
    public static string Strategy(QueueStrategy strategy) => strategy switch
    {
        QueueStrategy.LongestIdle => "Longest idle",
        QueueStrategy.RoundRobin => "Round robin",
        QueueStrategy.RingAll => "Ring all",
        QueueStrategy.FewestCalls => "Fewest calls",
        QueueStrategy.LeastTalkTime => "Least talk time",
        QueueStrategy.TopDown => "Top down",
        _ => "Random",
    };
}
