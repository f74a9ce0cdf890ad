using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Tests.Routing;

public class ValidationReportTests
{
    [Fact]
    public void Errors_are_grouped_by_field_and_warnings_left_out()
    {
        var report = new ValidationReport(
        [
            new ValidationIssue(null, "name", IssueSeverity.Error, "Enter a name"),
            new ValidationIssue(2, "actions[2].soundId", IssueSeverity.Error, "Sound not found") { Subject = "Action 3 (Play sound)" },
            new ValidationIssue(2, "actions[2].soundId", IssueSeverity.Error, "SIP is not a sound") { Subject = "Action 3 (Play sound)" },
            new ValidationIssue(3, "actions[3]", IssueSeverity.Warning, "Unreachable"),
        ]);

        var errors = report.ErrorsByField();

        Assert.True(report.HasErrors);
        Assert.Equal(["actions[2].soundId", "name"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Action 3 (Play sound): sound not found", "Action 3 (Play sound): SIP is not a sound"], errors["actions[2].soundId"]);
        Assert.Equal(["Enter a name"], errors["name"]);
        Assert.Equal("Unreachable", Assert.Single(report.Warnings).Message);
    }

    [Fact]
    public void Warnings_alone_do_not_block_saving()
    {
        var report = new ValidationReport([new ValidationIssue(1, "actions[1]", IssueSeverity.Warning, "Unreachable")]);

        Assert.False(report.HasErrors);
        Assert.Empty(report.ErrorsByField());
    }
}
