import XCTest
@testable import OrbitalCompute

/// The output table (issue 11): one declaration per output drives the JSON tree, the units of
/// every row and the numeric look-ups of comparisons and sweeps.
final class OutputTableTests: XCTestCase {
    func testDeclarationsAreUniqueDescribedAndInOneUnitSpelling() {
        XCTAssertEqual(Set(OutputTable.all.map(\.path)).count, OutputTable.all.count, "a path is declared twice")
        for o in OutputTable.all {
            XCTAssertFalse(o.description.isEmpty, o.path)
            XCTAssertEqual(UnitSpelling.canonical(o.unit), o.unit, o.path)
            XCTAssertEqual(o.isNumeric || o.kind == .lines, !o.unit.isEmpty, "\(o.path): numbers have a unit ('-' when dimensionless), names none")
            XCTAssertTrue(o.orbital != nil || o.terrestrial != nil, o.path)
        }
    }

    /// Every row of every shipped scenario's result is declared, every numeric row has its unit,
    /// and the numeric accessor gives the number the tree shows.
    func testEveryRowOfEveryShippedScenarioIsDeclaredWithItsUnit() throws {
        for file in ShippedModels.scenarios {
            let scenario = try Scenario.resolve(file.name)
            let e = try Engine.evaluate(scenario)
            for (path, value) in e.report.flattened() {
                guard path != "warnings" else { continue }
                XCTAssertNotNil(OutputTable.output(at: path), "\(file.name): \(path) is not in the output table")
                if value.doubleValue != nil { XCTAssertFalse(OutputTable.unit(ofPath: path).isEmpty, "\(file.name): \(path) has no unit") }
            }
            for o in OutputTable.outputs(for: scenario.kind) where o.isNumeric {
                guard let number = OutputTable.number(o.path, of: e), case let .object(top)? = Optional(e.report) else { continue }
                var node: ResultValue? = .object(top)
                for part in o.path.split(separator: ".") { node = node?[String(part)] }
                if let shown = node?.doubleValue { XCTAssertEqual(number, shown, "\(file.name): \(o.path)") }
                else { XCTAssertTrue(number.isNaN || node == .null, "\(file.name): \(o.path)") }
            }
        }
    }

    /// An output declared by its stored field is read there by studies (at the field's byte
    /// offset): on every shipped scenario, the number at that offset is the accessor's, bit for
    /// bit. A wrong offset, unit divisor or integer width fails here. The default study columns
    /// are all read this way (the sweep and Monte Carlo hot paths copy no result for them).
    func testStoredOutputsReadInPlaceEqualTheirAccessors() throws {
        func check<R>(_ result: R, _ accessor: Output.Accessor<R>?, _ label: String) -> Bool {
            guard let accessor, let stored = accessor.stored else { return false }
            var r = result
            let inPlace = withUnsafeBytes(of: &r) { stored.read($0.baseAddress!) }
            let expected = accessor.number!(result)
            XCTAssertEqual(inPlace.bitPattern, expected.bitPattern, label)
            return true
        }
        var checked = 0
        for file in ShippedModels.scenarios {
            let scenario = try Scenario.resolve(file.name)
            if scenario.kind == .orbital {
                let r = try OrbitalModel.shared.evaluate(try scenario.orbitalInputs())
                for o in OutputTable.all where check(r, o.orbital, "\(file.name): \(o.path)") { checked += 1 }
            } else {
                let r = try TerrestrialModel.evaluate(try scenario.terrestrialInputs())
                for o in OutputTable.all where check(r, o.terrestrial, "\(file.name): \(o.path)") { checked += 1 }
            }
        }
        XCTAssertGreaterThan(checked, 100)
        let setup = try StudySetup(primary: try Scenario.resolve("orbital-1gw-dawn-dusk"), ground: Scenario.colossus1)
        for column in setup.columns {
            guard case let .orbital(accessor) = column.source else { continue }
            XCTAssertNotNil(accessor.stored, "\(column.name) is a default column: declare it by its stored field")
        }
    }

    /// Names resolve by path, or by key where the key is unique for the side.
    func testNumericOutputsResolveByPathOrUniqueKey() {
        XCTAssertEqual(OutputTable.numeric("cost_per_pflop_hour_usd", for: .orbital)?.path, "economics.cost_per_pflop_hour_usd")
        XCTAssertEqual(OutputTable.numeric("deployment_days", for: .orbital)?.path, "launch.deployment_days")
        XCTAssertEqual(OutputTable.numeric("deployment_days", for: .terrestrial)?.path, "facility.deployment_days")
        XCTAssertNil(OutputTable.numeric("facility_power_w", for: .orbital))
        XCTAssertNil(OutputTable.numeric("accelerator", for: .orbital), "a name is not numeric")
        XCTAssertEqual(OutputTable.unit(ofPath: "side_by_side.tco_usd.orbital"), "USD")
        XCTAssertEqual(OutputTable.unit(ofPath: "side_by_side.tco_usd.ratio"), "-")
        XCTAssertEqual(OutputTable.unit(ofPath: "orbital_report.mass.mass_breakdown_kg.radiators"), "kg")
        for key in OutputTable.sideBySide {
            XCTAssertNotNil(OutputTable.numeric(key, for: .orbital), key)
            XCTAssertNotNil(OutputTable.numeric(key, for: .terrestrial), key)
        }
    }
}
