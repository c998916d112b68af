/// The whole pipeline: markdown → spec documents → type graph → Swift files.
///
/// Everything here works on contents in memory; `SpecSource` and `OutputDirectory` are the
/// only parts that touch the file system.
public enum Generator {
    public struct Result: Sendable {
        public var graph: TypeGraph
        /// Empty when there are errors: nothing is emitted from a broken spec.
        public var files: [SwiftEmitter.OutputFile]
        public var diagnostics: Diagnostics
    }

    /// Reads the docs into documents and builds the graph.
    ///
    /// - Parameter flavour: the SDK language of the docs (`flavour:` in specmodels.yml);
    ///   `nil` recognises it from the docs.
    public static func buildGraph(
        from files: [SpecSource.File], missingTypes: MissingTypes = .error, unknownTypes: UnknownTypes = .error,
        flavour: SpecFlavour? = nil, diagnostics: inout Diagnostics
    ) -> TypeGraph {
        guard let (files, modelsFolder) = selectModelsFolder(files, diagnostics: &diagnostics) else {
            return TypeGraph(models: [])
        }
        // Each doc is read on its own; the results are merged in file order.
        var readings = files.concurrentMap { file -> (document: SpecDocument?, diagnostics: Diagnostics) in
            var diagnostics = Diagnostics()
            let reader = SpecDocumentReader(relativePath: file.relativePath, displayPath: file.displayPath, modelsFolder: modelsFolder)
            var document = reader.read(file.bytes, diagnostics: &diagnostics)
            if unknownTypes == .jsonValue, diagnostics.hasErrors, let unreadable = document {
                document = unreadable.unreadableAsJSONValueAlias(diagnostics: &diagnostics)
            }
            return (document, diagnostics)
        }
        var documents: [SpecDocument] = []
        documents.reserveCapacity(files.count)
        // Moved out (`take`), not copied: `documents` holds the only reference to each, so
        // that they are freed on every core below, not one by one on this thread.
        for index in readings.indices {
            diagnostics.append(contentsOf: readings[index].diagnostics)
            if let document = readings[index].document.take() { documents.append(document) }
        }
        // Docs of two languages cannot be read as one: their types would only add errors.
        guard let flavour = flavour ?? FlavourDetection.detect(documents, diagnostics: &diagnostics) else {
            return TypeGraph(models: [])
        }
        let graph = TypeGraphBuilder.build(
            documents, modelsFolder: modelsFolder, missingTypes: missingTypes, unknownTypes: unknownTypes, flavour: flavour,
            diagnostics: &diagnostics)
        (consume documents).releaseConcurrently()
        return graph
    }

    /// The docs of the spec and where its models folder is. A folder with no `models/` at its
    /// top that holds one deeper (a repository, or an SDK's `docs/`) is read as that models
    /// folder: its docs keep their paths below it, and the SDK's other pages around it are not
    /// model docs. A folder holding several (a repository with several SDKs) holds several
    /// specs: an error names them, as nothing says which one is meant.
    private static func selectModelsFolder(
        _ files: [SpecSource.File], diagnostics: inout Diagnostics
    ) -> ([SpecSource.File], ModelsFolder)? {
        let modelsFolder = ModelsFolder(relativePaths: files.lazy.map(\.relativePath))
        guard modelsFolder.isSpecFolder else { return (files, modelsFolder) }
        let nested = ModelsFolder.nestedFolders(in: files.lazy.map(\.relativePath))
        guard let only = nested.first else { return (files, modelsFolder) }
        guard nested.count == 1 else {
            let list = nested.map { "`\($0.excerpt)`" }.joined(separator: ", ")
            diagnostics.error(
                "the spec folder holds \(nested.count) models folders (\(list)): each is the spec of one SDK; pass one of them as the spec folder",
                at: nil)
            return nil
        }
        let prefix = only + "/"
        let inside = files.compactMap { file -> SpecSource.File? in
            guard file.relativePath.hasPrefix(prefix) else { return nil }
            var file = file
            file.relativePath = String(file.relativePath.dropFirst(prefix.count))
            return file
        }
        return (inside, ModelsFolder(isSpecFolder: true))
    }

    /// Generates Swift for the given docs. With any error, `files` is empty.
    ///
    /// A `configuration` (from `specmodels.yml`) is checked against the graph and its
    /// settings override `options`; `missingTypes` (`--missing-types`) overrides its `missingTypes`,
    /// `unknownTypes` (`--unknown-types`) its `unknownTypes`.
    ///
    /// `files` is consumed: the docs' bytes (a spec's size in memory) are freed once the graph
    /// is built, before the Swift text is (at 50,000 docs, 270 MB less at the peak).
    public static func generate(
        _ files: consuming [SpecSource.File], options: EmissionOptions = EmissionOptions(),
        missingTypes: MissingTypes? = nil, unknownTypes: UnknownTypes? = nil, configuration: Configuration? = nil
    ) -> Result {
        var diagnostics = Diagnostics()
        let missingTypes = missingTypes ?? configuration?.missingTypes?.value ?? .error
        let unknownTypes = unknownTypes ?? configuration?.unknownTypes?.value ?? .error
        let graph = buildGraph(
            from: consume files, missingTypes: missingTypes, unknownTypes: unknownTypes, flavour: configuration?.flavour?.value,
            diagnostics: &diagnostics)
        checkOutputNames(graph, diagnostics: &diagnostics)
        checkSwiftNames(graph, diagnostics: &diagnostics)
        guard !diagnostics.hasErrors else {
            return Result(graph: graph, files: [], diagnostics: diagnostics)
        }
        let options = configuration?.resolve(against: graph, base: options, diagnostics: &diagnostics)
            ?? options.withWireDefaults(of: graph)
        guard !diagnostics.hasErrors else {
            return Result(graph: graph, files: [], diagnostics: diagnostics)
        }
        // The graph as emitted: wire keys and nullability settled by the configuration.
        let settled = graph.applying(options.wire)
        return Result(graph: settled, files: SwiftEmitter.emit(settled, options: options), diagnostics: diagnostics)
    }

    /// Reads the spec directory and generates Swift for it.
    public static func generate(
        specDirectory: String, options: EmissionOptions = EmissionOptions(), missingTypes: MissingTypes? = nil,
        unknownTypes: UnknownTypes? = nil, configuration: Configuration? = nil
    ) -> Result {
        var diagnostics = Diagnostics()
        let source = SpecSource(directory: specDirectory)
        var result = generate(
            source.read(diagnostics: &diagnostics), options: options, missingTypes: missingTypes,
            unknownTypes: unknownTypes, configuration: configuration)
        diagnostics.append(contentsOf: result.diagnostics)
        result.diagnostics = diagnostics
        if diagnostics.hasErrors { result.files = [] }
        return result
    }

    /// Swift names are made from the letters and digits of a spelling; a type or field name
    /// with none (`---`, an emoji) would leave nothing to make one from, or a made-up name the
    /// spec never says, so it is an error.
    private static func checkSwiftNames(_ graph: TypeGraph, diagnostics: inout Diagnostics) {
        // Each model on its own, on every core; the errors in model order.
        let found = graph.models.concurrentMap { model -> Diagnostics in
            var diagnostics = Diagnostics()
            if !SwiftNaming.hasWords(model.name) {
                diagnostics.error(
                    "the type name `\(model.name.excerpt)` has no letters or digits, so no Swift type name can be made from it: rename the `#` heading",
                    at: model.location)
            }
            guard case .object(let properties) = model.shape else { return diagnostics }
            for property in properties where !SwiftNaming.hasWords(property.name) {
                diagnostics.error(
                    "the field name `\(property.name.excerpt)` has no letters or digits, so no Swift property name can be made from it",
                    at: property.location)
            }
            return diagnostics
        }
        for modelDiagnostics in found where !modelDiagnostics.all.isEmpty {
            diagnostics.append(contentsOf: modelDiagnostics)
        }
    }

    /// Two docs whose paths differ only in characters that file names cannot keep
    /// (or only in case, which some file systems ignore) would overwrite each other.
    private static func checkOutputNames(_ graph: TypeGraph, diagnostics: inout Diagnostics) {
        // The names on every core (they were 1% of generating Kong's 4,370 docs), compared in model order.
        let names = graph.models.map(\.relativePath).concurrentMap { SwiftEmitter.outputFileName(forSpecPath: $0).lowercased() }
        var seen: [String: Int] = [:]  // lower-cased output name → index of the model
        seen.reserveCapacity(graph.models.count)
        let supportFile = SupportLibrary.fileName.lowercased()
        for (index, name) in names.enumerated() {
            if name == supportFile {
                diagnostics.error(
                    "this doc's output file would be named like the support file `\(SupportLibrary.fileName)`; rename the doc",
                    at: graph.models[index].location)
            } else if let other = seen[name] {
                diagnostics.error(
                    "this doc and \(graph.models[other].displayPath) would both generate `\(SwiftEmitter.outputFileName(forSpecPath: graph.models[index].relativePath))`; rename one of them",
                    at: graph.models[index].location)
            } else {
                seen[name] = index
            }
        }
    }
}
