namespace Switchboard.Server.AcdHosting;

/// <summary>A queue's figures at a glance.</summary>
/// <param name="Ready">Members Ready and reachable, whatever they are doing.</param>
/// <param name="Available">Members who would be offered a call right now.</param>
public sealed record QueueCounts(int Waiting, int Members, int Ready, int Available);
