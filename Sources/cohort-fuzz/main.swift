import CohortKit
import Foundation

// libFuzzer's program for `make fuzz`, which builds it with COHORT_FUZZ=1 (see Package.swift): it
// runs libFuzzer's driver, which calls `LLVMFuzzerTestOneInput` with each input it makes. In other
// builds this is a program that only says how to run it.

#if COHORT_FUZZ
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneDocument(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzInput.exercise(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzer(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(runFuzzer(&argc, &argv, fuzzOneDocument))
#else
FileHandle.standardError.write(Data("cohort-fuzz does nothing in this build; run `make fuzz`\n".utf8))
exit(2)
#endif
