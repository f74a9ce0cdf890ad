using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Switchboard.Telephony.Tests.Infrastructure;

/// <summary>Counts the queries that read a configuration table (numbers, scenarios, trunks, users, sounds, queues) while counting is on.</summary>
internal sealed class ConfigurationReads : DbCommandInterceptor
{
    private static readonly Regex ConfigurationTable = new("""\b(FROM|JOIN)\s+"?(numbers|scenarios|trunks|users|sounds|queues)"?\s""", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    private int _count;

    public bool Counting { get; set; }

    public int Count => Volatile.Read(ref _count);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Observe(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Observe(command);
        return result;
    }

    private void Observe(DbCommand command)
    {
        if (Counting && ConfigurationTable.IsMatch(command.CommandText))
            Interlocked.Increment(ref _count);
    }
}
