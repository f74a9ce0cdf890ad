namespace Switchboard.Testing.Peers;

/// <summary>A directory for one test's peer configuration and traces, removed afterwards.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "switchboard-peer-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The text of every file whose name ends with <paramref name="suffix"/> (sipp names traces after its pid).</summary>
    public string ReadAll(string suffix) =>
        string.Concat(Directory.GetFiles(Path, "*" + suffix).Order(StringComparer.Ordinal).Select(System.IO.File.ReadAllText));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
