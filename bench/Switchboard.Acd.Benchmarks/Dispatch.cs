using System.Runtime.CompilerServices;
using Switchboard.Domain.Acd;

namespace Switchboard.Acd.Benchmarks;

/// <summary>Hands a decision's outputs on as <see cref="AcdDispatcher"/> does, to sinks that only count them.</summary>
internal static class Dispatch
{
    private static long s_commands;
    private static long s_events;
    private static long s_timers;

    public static int Outputs(IReadOnlyList<AcdOutput> outputs)
    {
        for (var index = 0; index < outputs.Count; index++)
        {
            switch (outputs[index])
            {
                case AcdCommand command:
                    Send(command);
                    break;
                case AcdEvent acdEvent:
                    Publish(acdEvent);
                    break;
                case ScheduleTimer schedule:
                    Arm(schedule);
                    break;
            }
        }

        return outputs.Count;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Send(AcdCommand command) => s_commands += command is null ? 0 : 1;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Publish(AcdEvent acdEvent) => s_events += acdEvent.At.Ticks & 1;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Arm(ScheduleTimer schedule) => s_timers += schedule.DueAt.Ticks & 1;
}
