namespace Switchboard.Media.Sdp;

/// <summary>A line this model keeps only as text (i=, u=, e=, p=, b=, r=, z=, k=) so that it survives a rewrite.</summary>
public sealed record SdpLine(char Type, string Value);
