namespace Switchboard.Media.Rtp;

/// <summary>What a received RTCP compound packet said that the switchboard uses.</summary>
/// <param name="SenderSsrc">The SSRC of the reporter.</param>
/// <param name="SenderInfo">Present when the reporter sent a sender report.</param>
/// <param name="ReportAboutUs">The reporter's reception block about our stream, when it had one.</param>
public readonly record struct RtcpReport(uint SenderSsrc, RtcpSenderInfo? SenderInfo, RtcpReportBlock? ReportAboutUs);
