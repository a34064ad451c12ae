namespace Quorum.Tests; public class Smoke { [Xunit.Fact] public void Builds() => Xunit.Assert.True(typeof(Quorum.Placeholder) != null); }
