import Foundation

/// Free-space optical inter-satellite links: the link budget from transmitter to data rate
/// (issue 14, step 1). Plain functions in SI; `OpticalLink.budget` composes them.
///
/// References
/// 1. H. T. Friis, "A note on a simple transmission formula", Proc. IRE 34, 254 (1946).
/// 2. D. A. B. Miller, "Communicating with waves between volumes: evaluating orthogonal spatial
///    channels and limits on coupling strengths", Appl. Opt. 39, 1681 (2000): between two
///    apertures there are ≈ A_t A_r / (λ d)² well-coupled orthogonal spatial modes.
/// 3. A. E. Siegman, Lasers (1986), ch. 17: a Gaussian beam of radius w puts 1 − exp(−2a²/w²)
///    of its power inside a circle of radius a.
/// 4. Google, "Towards a future space-based, highly scalable AI infrastructure system design"
///    (Suncatcher), arXiv 2511.19468 (2025): received power ∝ 1/d², formations with neighbours
///    100–200 m apart, DWDM COTS transceivers, 800 Gb/s each way with one transceiver pair on
///    the bench, tens of Tb/s per link needed.
public enum OpticalLink {
    /// Planck constant [J s]. SI definition (2019).
    public static let planck = 6.626_070_15e-34

    /// Energy of one photon [J]: E = h c / λ.
    /// - Parameter wavelength: λ [m].
    public static func photonEnergy(wavelength: Double) -> Double {
        planck * Constants.speedOfLight / wavelength
    }

    /// Fresnel number of a link between two apertures [-]: N_F = D_t D_r / (λ d).
    /// N_F ≫ 1: near field (the receiver can capture the whole beam); N_F ≪ 1: far field.
    /// - Parameters: diameters D_t, D_r [m], wavelength λ [m], distance d [m].
    public static func fresnelNumber(transmitDiameter dt: Double, receiveDiameter dr: Double, wavelength: Double, distance: Double) -> Double {
        dt * dr / (wavelength * distance)
    }

    /// Far-field (Friis) power coupling between two uniformly illuminated circular apertures [-]:
    /// G_t G_r (λ / 4πd)² = (π D_t / λ)² (π D_r / λ)² (λ / 4πd)² = (π D_t D_r / (4 λ d))²
    /// = (π N_F / 4)² (Friis 1946). It exceeds 1 when N_F > 4/π: the far-field formula then no longer
    /// holds. It is also the number of well-coupled spatial modes between the apertures,
    /// A_t A_r / (λ d)² (Miller 2000).
    public static func farFieldCoupling(transmitDiameter dt: Double, receiveDiameter dr: Double, wavelength: Double, distance: Double) -> Double {
        let x = Double.pi * dt * dr / (4 * wavelength * distance)
        return x * x
    }

    /// Far-field received power [W]: P_r = P_t η (π D_t D_r / (4 λ d))² (Friis 1946), with
    /// η = η_t η_r η_p the transmit-optics, receive-optics and pointing efficiencies.
    public static func farFieldReceivedPower(transmitPower pt: Double, transmitDiameter dt: Double, receiveDiameter dr: Double,
                                             wavelength: Double, distance: Double, efficiency: Double) -> Double {
        pt * efficiency * farFieldCoupling(transmitDiameter: dt, receiveDiameter: dr, wavelength: wavelength, distance: distance)
    }

    /// Fraction of the transmitted beam the receive aperture captures, near to far field [-]:
    /// κ = 1 − exp(−C), C the Friis coupling. This is the Gaussian-beam capture law
    /// 1 − exp(−2a²/w²) (Siegman 1986) with its exponent matched to the Friis product, so that
    /// κ → C (Friis, relative error C/2) in the far field and κ → 1 (the receiver captures the
    /// beam, P_r = P_t η) in the near field, smoothly and monotonically in between.
    /// - Parameter coupling: the far-field coupling C ≥ 0.
    public static func captureFraction(coupling c: Double) -> Double {
        -expm1(-c)
    }

    /// Independent spatial beams a link can carry [-]: the well-coupled mode count C (Miller 2000),
    /// rounded down, at least 1, and at most the transceivers each end has for the link.
    public static func spatialBeams(coupling c: Double, transceivers: Double) -> Double {
        max(1, min(transceivers.rounded(.down), c.rounded(.down)))
    }

    /// Optical power a receiver needs for a data rate [W]: P = n_b h ν R, with n_b the photons
    /// per bit the receiver needs at its error-rate target (quantum limit ≈ 10 for preamplified
    /// coherent detection; unamplified COTS DWDM receivers need ≈ 10³).
    public static func requiredPower(photonsPerBit: Double, wavelength: Double, rate: Double) -> Double {
        photonsPerBit * photonEnergy(wavelength: wavelength) * rate
    }

    /// The inputs of one link budget, in SI.
    public struct Terminal: Sendable, Equatable {
        /// Optical power launched per transceiver, all its DWDM channels together [W].
        public var transmitPowerW: Double
        /// Transmit and receive aperture diameters [m].
        public var transmitDiameterM: Double
        public var receiveDiameterM: Double
        /// Carrier wavelength [m].
        public var wavelengthM: Double
        /// Transmit optics, receive optics (including fibre coupling) and pointing efficiencies [-].
        public var transmitEfficiency: Double
        public var receiveEfficiency: Double
        public var pointingEfficiency: Double
        /// Photons per bit the receiver needs [-].
        public var photonsPerBit: Double
        /// DWDM channels per transceiver and data rate per channel [bit/s].
        public var channelsPerTransceiver: Double
        public var channelRateBps: Double
        /// Transceivers (spatial beams) each end can dedicate to one link [-].
        public var transceiversPerLink: Double

        public init(transmitPowerW: Double, transmitDiameterM: Double, receiveDiameterM: Double, wavelengthM: Double,
                    transmitEfficiency: Double, receiveEfficiency: Double, pointingEfficiency: Double, photonsPerBit: Double,
                    channelsPerTransceiver: Double, channelRateBps: Double, transceiversPerLink: Double) {
            self.transmitPowerW = transmitPowerW
            self.transmitDiameterM = transmitDiameterM
            self.receiveDiameterM = receiveDiameterM
            self.wavelengthM = wavelengthM
            self.transmitEfficiency = transmitEfficiency
            self.receiveEfficiency = receiveEfficiency
            self.pointingEfficiency = pointingEfficiency
            self.photonsPerBit = photonsPerBit
            self.channelsPerTransceiver = channelsPerTransceiver
            self.channelRateBps = channelRateBps
            self.transceiversPerLink = transceiversPerLink
        }

        /// η = η_t η_r η_p [-].
        public var efficiency: Double { transmitEfficiency * receiveEfficiency * pointingEfficiency }
    }

    /// Near field (the receiver captures the beam), far field (Friis), or the transition between.
    public enum Regime: String, Sendable {
        case nearField = "near-field", transition, farField = "far-field"

        /// Far field below C = 0.1 (Friis within 5 %), near field above C = 3 (95 % captured).
        public static let farFieldBelow = 0.1, nearFieldAbove = 3.0

        public init(coupling c: Double) {
            self = c < Regime.farFieldBelow ? .farField : c > Regime.nearFieldAbove ? .nearField : .transition
        }
    }

    /// One link budget at one distance.
    public struct Budget: Sendable, Equatable {
        public var distanceM: Double
        public var fresnelNumber: Double
        /// Far-field (Friis) coupling of the full apertures, C [-].
        public var coupling: Double
        public var regime: Regime
        /// Independent spatial beams used [-].
        public var beams: Double
        /// Fraction of each beam's power captured [-].
        public var captureFraction: Double
        /// Power received per beam, after every efficiency [W].
        public var receivedPowerPerBeamW: Double
        /// Power received over all beams [W].
        public var receivedPowerW: Double
        /// Power one DWDM channel needs at its rate [W].
        public var requiredPowerPerChannelW: Double
        /// DWDM channels that close per beam (power-limited, at most the transceiver's) [-].
        public var channelsPerBeam: Double
        /// Received over required power for the full set of channels of one beam [-].
        public var marginRatio: Double
        /// Data rate of the link, each way [bit/s].
        public var linkRateBps: Double
    }

    /// The link budget at a distance (Suncatcher's chain: aperture coupling → received power →
    /// channels that close → beams):
    /// 1. C = (π D_t D_r / (4 λ d))²; beams M = clamp(⌊C⌋, 1, transceivers);
    /// 2. each beam gets the aperture product shared M ways: κ = 1 − exp(−C / M);
    /// 3. P_r per beam = P_t η κ; channels closing per beam = min(channels, ⌊P_r / (n_b h ν R_ch)⌋);
    /// 4. link rate = M × channels × R_ch (each way).
    /// - Parameter distance: centre-to-centre distance d > 0 [m].
    public static func budget(_ t: Terminal, distance d: Double) -> Budget {
        let nf = fresnelNumber(transmitDiameter: t.transmitDiameterM, receiveDiameter: t.receiveDiameterM, wavelength: t.wavelengthM, distance: d)
        let c = farFieldCoupling(transmitDiameter: t.transmitDiameterM, receiveDiameter: t.receiveDiameterM, wavelength: t.wavelengthM, distance: d)
        let beams = spatialBeams(coupling: c, transceivers: t.transceiversPerLink)
        let kappa = captureFraction(coupling: c / beams)
        let perBeam = t.transmitPowerW * t.efficiency * kappa
        let perChannel = requiredPower(photonsPerBit: t.photonsPerBit, wavelength: t.wavelengthM, rate: t.channelRateBps)
        let channels = min(t.channelsPerTransceiver.rounded(.down), (perBeam / perChannel).rounded(.down))
        return Budget(distanceM: d, fresnelNumber: nf, coupling: c, regime: Regime(coupling: c), beams: beams, captureFraction: kappa,
                      receivedPowerPerBeamW: perBeam, receivedPowerW: perBeam * beams, requiredPowerPerChannelW: perChannel,
                      channelsPerBeam: max(0, channels), marginRatio: perBeam / (perChannel * t.channelsPerTransceiver),
                      linkRateBps: beams * max(0, channels) * t.channelRateBps)
    }
}
