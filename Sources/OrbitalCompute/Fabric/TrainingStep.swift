import Foundation

/// One synchronous training step: compute, gradient all-reduce and their overlap
/// (issue 14, step 3). Plain functions in SI.
///
/// References
/// 1. J. Kaplan et al., "Scaling Laws for Neural Language Models", arXiv 2001.08361 (2020):
///    training costs C ≈ 6 N FLOPs per token (2N forward, 4N backward).
/// 2. P. Patarasuk and X. Yuan, "Bandwidth optimal all-reduce algorithms for clusters of
///    workstations", J. Parallel Distrib. Comput. 69, 117 (2009): the ring all-reduce moves
///    2 (n − 1) / n × S per member, in 2 (n − 1) steps.
/// 3. R. Thakur, R. Rabenseifner and W. Gropp, "Optimization of collective communication
///    operations in MPICH", IJHPCA 19, 49 (2005): the α–β cost model, hierarchical collectives.
/// 4. S. Li et al., "PyTorch Distributed: Experiences on Accelerating Data Parallel Training",
///    VLDB 13 (2020): gradient buckets are reduced while the backward pass runs.
/// 6. D. Narayanan et al., "Efficient Large-Scale Language Model Training on GPU Clusters Using
///    Megatron-LM", SC 2021: tensor parallelism inside a server, pipeline 1F1B micro-batches.
/// 5. Meta, "The Llama 3 Herd of Models", arXiv 2407.21783 (2024): 405 B parameters, 16 M tokens
///    per step, tensor parallelism 8 inside a server's NVLink, pipeline 16, data parallel 128.
public enum TrainingStep {
    /// Bits per byte.
    public static let bitsPerByte = 8.0
    /// FLOPs per parameter per trained token (Kaplan et al. 2020).
    public static let flopsPerParameterPerToken = 6.0

    /// Compute time of one step [s]: T_c = 6 N T / (n F u).
    /// - Parameters: N parameters, T tokens per step, n accelerators, F peak FLOP/s each,
    ///   u achieved fraction of peak while computing.
    public static func computeTime(parameters: Double, tokensPerStep: Double, accelerators: Double, peakFlops: Double, utilization: Double) -> Double {
        flopsPerParameterPerToken * parameters * tokensPerStep / (accelerators * peakFlops * utilization)
    }

    /// Gradient bytes each accelerator all-reduces per step [B]: S = N b / (TP × PP) (its shard of
    /// the model under tensor and pipeline parallelism).
    public static func gradientBytesPerAccelerator(parameters: Double, bytesPerParameter: Double, tensorParallel: Double, pipelineParallel: Double) -> Double {
        parameters * bytesPerParameter / (tensorParallel * pipelineParallel)
    }

    /// Ring all-reduce time [s]: 2 (n − 1) / n × S / B + 2 (n − 1) α (Patarasuk & Yuan 2009).
    /// - Parameters: S bytes per member [B], n members (≥ 1; fractional n is the continuous
    ///   extension), B bandwidth per member each way [bit/s], α latency per step [s].
    public static func ringAllReduce(bytes s: Double, members n: Double, bandwidth b: Double, latency alpha: Double) -> Double {
        guard n > 1 else { return 0 }
        return 2 * (n - 1) / n * s * bitsPerByte / b + 2 * (n - 1) * alpha
    }

    /// One level of a hierarchical collective.
    /// Up to three levels stored inline (a hot loop builds them without an array).
    public struct Levels: RandomAccessCollection, Sendable {
        var a: Level, b: Level, c: Level
        public let count: Int
        public init(_ a: Level) { self.a = a; b = a; c = a; count = 1 }
        public init(_ a: Level, _ b: Level, _ c: Level) { self.a = a; self.b = b; self.c = c; count = 3 }
        public var startIndex: Int { 0 }
        public var endIndex: Int { count }
        public subscript(i: Int) -> Level { i == 0 ? a : i == 1 ? b : c }
    }

    public struct Level: Sendable, Equatable {
        /// Members of the all-reduce group at this level [-].
        public var members: Double
        /// Bandwidth per accelerator at this level, each way [bit/s].
        public var bandwidthBps: Double
        /// Latency of one ring step at this level [s].
        public var latencyS: Double
        public init(members: Double, bandwidthBps: Double, latencyS: Double) {
            self.members = members
            self.bandwidthBps = bandwidthBps
            self.latencyS = latencyS
        }
    }

    /// Hierarchical all-reduce time [s] (Thakur et al. 2005): reduce-scatter up the levels, each on
    /// the shard the level below left, all-reduce at the top, all-gather back down:
    /// T = Σ_l [2 (n_l − 1) / n_l × S_l / B_l + 2 (n_l − 1) α_l], S_1 = S, S_{l+1} = S_l / n_l.
    /// With one level it is the ring all-reduce.
    public static func hierarchicalAllReduce(bytes s: Double, levels: [Level]) -> Double { allReduce(bytes: s, levels: levels) }

    /// The same over levels stored inline (no array in a hot loop).
    public static func hierarchicalAllReduce(bytes s: Double, levels: Levels) -> Double { allReduce(bytes: s, levels: levels) }

    @inline(__always)
    static func allReduce(bytes s: Double, levels: some Sequence<Level>) -> Double {
        var shard = s, total = 0.0
        for level in levels {
            total += ringAllReduce(bytes: shard, members: level.members, bandwidth: level.bandwidthBps, latency: level.latencyS)
            shard /= max(1, level.members)
        }
        return total
    }

    /// Micro-batches each data-parallel replica runs per step [-]: m = T / (DP × t_mb), with T the
    /// tokens per step and t_mb the tokens per micro-batch (gradient accumulation or pipeline
    /// micro-batches).
    public static func microbatches(tokensPerStep: Double, dataParallel dp: Double, microbatchTokens: Double) -> Double {
        tokensPerStep / (dp * microbatchTokens)
    }

    /// The fraction of a step's compute under which the data-parallel gradient reduction can run
    /// [-]: φ = φ_bwd / max(1, m). A parameter's gradient is final only after the last
    /// micro-batch's backward pass, so with m micro-batches (pipeline 1F1B or gradient
    /// accumulation) only that one's backward — φ_bwd / m of the step, φ_bwd = 4N / 6N — hides the
    /// reduction (Li et al. 2020; Megatron-LM `overlap_grad_reduce`, Narayanan et al., SC 2021).
    public static func overlapFraction(backward phi: Double, microbatches m: Double) -> Double {
        phi / max(1, m)
    }

    /// Step time [s] with communication overlapped with a fraction φ of the compute (the
    /// backward pass: 4N of 6N FLOPs, φ ≈ 2/3): T = T_c + max(0, T_comm − φ T_c).
    public static func stepTime(compute tc: Double, communication tm: Double, overlap phi: Double) -> Double {
        tc + max(0, tm - phi * tc)
    }

    /// Training efficiency [-]: the compute time over the step time, T_c / T (1: the fabric
    /// costs nothing; it scales delivered PFLOP-hours of a training workload).
    public static func efficiency(compute tc: Double, communication tm: Double, overlap phi: Double) -> Double {
        tc / stepTime(compute: tc, communication: tm, overlap: phi)
    }
}
