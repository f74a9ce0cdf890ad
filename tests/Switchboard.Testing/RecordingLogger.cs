using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Switchboard.Testing;

/// <summary>A logger that keeps every entry at every level, for tests that check what an operator would read.</summary>
public sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<RecordedLogEntry> _entries = new();

    public IReadOnlyList<RecordedLogEntry> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _entries.Enqueue(new RecordedLogEntry(logLevel, formatter(state, exception), exception));
    }
}

/// <summary>One entry a <see cref="RecordingLogger"/> kept.</summary>
public sealed record RecordedLogEntry(LogLevel Level, string Message, Exception? Exception);
