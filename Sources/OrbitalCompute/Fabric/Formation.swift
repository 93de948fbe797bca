import Foundation

/// A formation of satellites flying close enough to share a high-bandwidth optical fabric
/// (issue 14, step 2). Plain functions in SI.
///
/// Suncatcher (arXiv 2511.19468, 2025) simulates an 81-satellite cluster within a 1 km radius
/// at 650 km, neighbours 100–200 m apart, held with modest station-keeping: that is the sourced
/// bound on satellites per formation (`formation.satellites_max`). Satellites are laid out as a
/// planar grid, each linked to its nearest neighbours.
public enum Formation {
    /// Radius of a formation of n satellites on a planar grid of spacing s [m]: each satellite
    /// takes s² of the plane, so π r² = n s², r = s √(n / π).
    /// Suncatcher: 81 satellites at 100–200 m ⇒ 508–1,016 m, "within 1 km".
    public static func radius(satellites n: Double, spacing s: Double) -> Double {
        s * (n / .pi).squareRoot()
    }

    /// Links that cross a straight cut through the middle of an n-satellite planar mesh [-]:
    /// a √n × √n grid has √n rows; with L links per satellite spread over the four grid
    /// directions, each row contributes L / 4 links to the cut (L = 4: the 2-D mesh, exactly √n).
    public static func bisectionLinks(satellites n: Double, linksPerSatellite l: Double) -> Double {
        n <= 1 ? 0 : n.squareRoot() * l / 4
    }

    /// Bisection bandwidth per accelerator [bit/s]: the bandwidth across the cut over the
    /// accelerators on one side of it, B_bis / (N / 2) (the usual per-endpoint measure; Colossus's
    /// non-blocking fat tree gives each GPU its full NIC rate).
    /// - Parameters: n satellites, L links each, link rate R each way [bit/s], g accelerators per satellite.
    public static func bisectionBandwidthPerAccelerator(satellites n: Double, linksPerSatellite l: Double, linkRate r: Double,
                                                        acceleratorsPerSatellite g: Double) -> Double {
        n <= 1 ? .infinity : bisectionLinks(satellites: n, linksPerSatellite: l) * r / (n * g / 2)
    }

    /// Rate at which one satellite can inject a ring collective into the formation [bit/s]:
    /// a bidirectional ring through a satellite sends on two of its links at once; L links carry
    /// L / 2 such directions' worth: (L / 2) R (L = 4: 2R, one bidirectional ring; a torus could
    /// reach 4R with two edge-disjoint rings, so this is conservative).
    public static func ringInjectionRate(linksPerSatellite l: Double, linkRate r: Double) -> Double {
        l / 2 * r
    }

    /// Hops across the formation's diameter on the grid [-]: 2 (√n − 1).
    public static func diameterHops(satellites n: Double) -> Double {
        2 * (max(1, n).squareRoot() - 1)
    }

    /// Latency of one hop between neighbours [s]: light time over the spacing plus the
    /// transceivers' processing (DSP, FEC) at each hop: s / c + t_hop.
    public static func hopLatency(spacing s: Double, processing t: Double) -> Double {
        s / Constants.speedOfLight + t
    }
}
