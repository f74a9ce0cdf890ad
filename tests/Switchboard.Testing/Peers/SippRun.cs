namespace Switchboard.Testing.Peers;

/// <summary>How a sipp run ended: exit code 0 means every call went as its scenario expects; the traces say what was exchanged.</summary>
public sealed record SippRun(int ExitCode, string Messages, string Errors, string Output)
{
    public override string ToString() => $"exit {ExitCode}\n--- errors\n{Errors}\n--- messages\n{Messages}\n--- output\n{Output}";
}
