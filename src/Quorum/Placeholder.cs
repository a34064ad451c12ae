namespace Quorum; internal static class Placeholder { }
