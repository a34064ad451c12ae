using Quorum.Build;

namespace Quorum.Tests.Build;

public class PhaseTimingsTests
{
    [Fact]
    public void A_phases_peak_so_far_never_falls_below_an_earlier_phases_even_when_the_systems_reading_does()
    {
        // Linux's reading of the peak can fall a little (it counts the current resident set approximately).
        var readings = new Queue<long>([100, 300, 290, 310]);
        var timings = new PhaseTimings(() => readings.Dequeue());
        foreach (var phase in new[] { "load", "resolve", "check", "render" })
            timings.Time(phase, () => { });
        Assert.Equal([100L, 300, 300, 310], timings.WithCpu.Select(p => p.PeakBytes));
    }
}
