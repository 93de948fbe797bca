/// Energy storage for eclipses.
public enum Battery {
    /// Through eclipse, run on batteries (`battery`) or throttle compute to a keep-alive load (`throttle`).
    public enum EclipseStrategy: String, Choice { case battery, throttle }

    /// Installed battery energy [J] to carry `load` [W] through the longest eclipse `duration` [s]:
    /// E = P · t / (DoD · √η_rt), with the discharge half of the round-trip efficiency. MODEL.md §3.
    public static func capacity(load: Double, duration: Double, depthOfDischarge: Double, roundTripEfficiency: Double) -> Double {
        load * duration / (depthOfDischarge * roundTripEfficiency.squareRoot())
    }
}
