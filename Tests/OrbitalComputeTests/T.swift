import XCTest
@testable import OrbitalCompute
final class Scratch: XCTestCase {
  func testPrint() throws {
    let o = try Orbit(altitude: 650_000, plane: .sunSynchronous(ltanHours: 18))
    let y = try EclipseYear(orbit: o)
    print("incl", o.inclination * 180 / .pi, "mean", y.meanFraction, "max", y.maxFraction, "dur", y.maxDuration/60, "days", y.eclipseDays, "beta", y.betaMin*180 / .pi, y.betaMax*180 / .pi, y.seasons.map{ ($0.lowerBound/86400, $0.upperBound/86400)}, "sunlit", y.meanSunlitIrradianceFactor)
    print("550 beta0", OrbitGeometry.eclipseFractionCylindrical(altitude: 550_000, beta: 0), OrbitGeometry.period(altitude: 550_000)/60)
    let t0 = Date(); for _ in 0..<100 { _ = try EclipseYear(orbit: o) }; print("ms per year", Date().timeIntervalSince(t0)*10)
    let oc = try Orbit(altitude: 650_000, plane: .sunSynchronous(ltanHours: 18), shadow: .conical)
    let yc = try EclipseYear(orbit: oc); print("conical", yc.meanFraction, yc.maxFraction, yc.eclipseDays)
  }
}
