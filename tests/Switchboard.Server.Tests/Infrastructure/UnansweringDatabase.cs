using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>Makes every database command fail while <see cref="IsDown"/>, as a database that stopped answering.</summary>
public sealed class UnansweringDatabase : DbCommandInterceptor
{
    private volatile bool _down;

    public bool IsDown
    {
        get => _down;
        set => _down = value;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        IsDown ? throw Down() : result;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        IsDown ? throw Down() : ValueTask.FromResult(result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        IsDown ? throw Down() : ValueTask.FromResult(result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        IsDown ? throw Down() : ValueTask.FromResult(result);

    private static InvalidOperationException Down() => new("The database does not answer (test).");
}
