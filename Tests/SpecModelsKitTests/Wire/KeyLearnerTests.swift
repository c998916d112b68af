import Foundation
import XCTest
@testable import SpecModelsKit

/// The walk of `learn-keys` over payloads: unions, extended spellings, additional properties,
/// values of the wrong kind and fields seen under two keys.
final class KeyLearnerTests: XCTestCase {
    static let fields = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"

    static let docs: [String: String] = [
        "models/shared/item.md": """
            # Item

            ## Fields

            \(fields)| `guid` | *string* | :heavy_minus_sign: | The item's id. |
            | `guids` | [shared.Tag](../../models/shared/tag.md)[] | :heavy_minus_sign: | Other ids. |
            | `ratingKey` | *string* | :heavy_check_mark: | N/A |
            | `additionalProperties` | Record<string, *any*> | :heavy_minus_sign: | N/A |

            """,
        "models/shared/bucket.md": """
            # Bucket

            ## Fields

            \(fields)| `bucketId` | *string* | :heavy_check_mark: | N/A |
            | `additionalProperties` | Record<string, *number*> | :heavy_check_mark: | N/A |

            """,
        "models/shared/tag.md": """
            # Tag

            ## Fields

            \(fields)| `tagId` | *number* | :heavy_check_mark: | N/A |

            """,
        "models/shared/song.md": """
            # Song

            ## Fields

            \(fields)| `trackTitle` | *string* | :heavy_check_mark: | N/A |

            """,
        "models/shared/video.md": """
            # Video

            ## Fields

            \(fields)| `frameRate` | *number* | :heavy_check_mark: | N/A |

            """,
        "models/shared/media.md": """
            # Media

            ## Supported Types

            ### `shared.Song`

            ```typescript
            const value: shared.Song = { trackTitle: "x" };
            ```

            ### `shared.Video`

            ```typescript
            const value: shared.Video = { frameRate: 24 };
            ```

            """,
        "models/shared/library.md": """
            # Library

            ## Fields

            \(fields)| `media` | [shared.Media](../../models/shared/media.md)[] | :heavy_check_mark: | N/A |
            | `items` | [shared.Item](../../models/shared/item.md)[] | :heavy_minus_sign: | N/A |

            """,
    ]

    private func learn(_ json: String, as typeName: String = "Library") throws -> (KeyLearner, LearnedSettings) {
        let graph = TestSupport.generate(Self.docs).graph
        let type = try graph.model(spelled: typeName).get()
        var learner = KeyLearner(graph: graph)
        learner.learn(PayloadSample(type: type, json: try JSONSample.parse(json).get(), placement: .file("sample.json")))
        return (learner, learner.settings(current: WireSettings()))
    }

    func testUnionMembersAreChosenByFitAndTheirKeysLearned() throws {
        let (learner, learned) = try learn(#"{"Media": [{"track_title": "a"}, {"frame_rate": 25}]}"#)
        XCTAssertEqual(learner.findings.diagnostics.all.map(\.description), [])
        XCTAssertEqual(learned.keyStyle, .snakeCase)
        XCTAssertEqual(learned.keyOverrides.map(\.yamlEntry), ["shared.Library.media: Media"])
        XCTAssertEqual(learner.occurrences.map { "\($0.path) \($0.match)" }, [
            "$.Media[0].track_title spelling(0)",
            "$.Media[1].frame_rate spelling(0)",
            "$.Media spelling(0)",
        ])
    }

    func testAKeySpelledLikeAFieldThatCannotHoldItGoesToTheFieldThatExtendsItsSpelling() throws {
        let (learner, learned) = try learn(#"{"media": [], "items": [{"Guid": [{"tagId": 1}], "ratingKey": "r"}]}"#)
        XCTAssertEqual(learner.findings.diagnostics.all.map(\.description), [])
        XCTAssertEqual(learned.keyOverrides.map(\.yamlEntry), [
            "shared.Item.guids: Guid  # spelled like `guid`, which cannot hold its value",
        ])
    }

    func testKeysNoFieldHasGoToADocumentedAdditionalProperties() throws {
        let (learner, _) = try learn(#"{"media": [], "items": [{"ratingKey": "r", "loudness": -14.2}]}"#)
        XCTAssertEqual(learner.findings.diagnostics.all.map(\.description), [])
        XCTAssertEqual(learner.occurrences.first { $0.key == "loudness" }?.match, .additionalProperty(3))
    }

    /// A required additionalProperties map has no key of its own: it is not missing when no key
    /// is extra, and a key spelled like it (`additional_properties`) is an extra key like any other.
    func testARequiredAdditionalPropertiesHasNoKeyOfItsOwn() throws {
        let (learner, learned) = try learn(#"{"bucketId": "b", "additional_properties": 1}"#, as: "Bucket")
        XCTAssertEqual(learner.findings.diagnostics.all.map(\.description), [])
        XCTAssertEqual(learned.keyOverrides.map(\.yamlEntry), [])
        XCTAssertEqual(learner.occurrences.map { "\($0.path) \($0.match)" }, [
            "$.bucketId wireKey(0)",
            "$.additional_properties additionalProperty(1)",
        ])
        let (bare, _) = try learn(#"{"bucketId": "b"}"#, as: "Bucket")
        XCTAssertEqual(bare.findings.diagnostics.all.map(\.description), [])
    }

    func testValuesOfTheWrongKindAreReportedAtTheirPlace() throws {
        let (learner, _) = try learn(#"{"media": [], "items": [{"ratingKey": 7}]}"#)
        XCTAssertEqual(learner.findings.diagnostics.all.map(\.description), [
            "sample.json:1:39: warning: the value at `$.items[0].ratingKey` is a number, but its documented type (`shared.Item.ratingKey`) is `string`",
        ])
        // Under --strict the same finding is an error, by the same code path.
        let graph = TestSupport.generate(Self.docs).graph
        var strict = KeyLearner(graph: graph, findings: .error)
        strict.learn(PayloadSample(
            type: try graph.model(spelled: "Library").get(), json: try JSONSample.parse(#"{"media": [], "items": [{"ratingKey": 7}]}"#).get(),
            placement: .file("sample.json")))
        XCTAssertEqual(strict.findings.diagnostics.all.map(\.description), [
            "sample.json:1:39: error: the value at `$.items[0].ratingKey` is a number, but its documented type (`shared.Item.ratingKey`) is `string`",
        ])
    }

    /// `null` is a value every optional field takes (three-state, `Nullable<T>?`, or plain `T?`,
    /// which reads it as absent); a required field seen as `null` is proposed for `nullable`,
    /// unless it already is nullable.
    func testNullsOfOptionalFieldsAreAcceptedAndOfRequiredOnesLearned() throws {
        let json = #"{"media": [], "items": [{"guid": null, "guids": null, "ratingKey": null}]}"#
        for settings in [WireSettings(), WireSettings(nullable: ["shared.Item": ["guid", "guids"]])] {
            let graph = TestSupport.generate(Self.docs).graph.applying(settings)
            var learner = KeyLearner(graph: graph)
            learner.learn(PayloadSample(type: try graph.model(spelled: "Library").get(), json: try JSONSample.parse(json).get(), placement: .file("sample.json")))
            XCTAssertEqual(learner.findings.diagnostics.all.map(\.description), [])
            XCTAssertEqual(learner.settings(current: settings).nullable.map(\.spelled), ["shared.Item.ratingKey"])
        }
        let settled = WireSettings(nullable: ["shared.Item": ["guid", "ratingKey"]])
        let graph = TestSupport.generate(Self.docs).graph.applying(settled)
        var learner = KeyLearner(graph: graph)
        learner.learn(PayloadSample(type: try graph.model(spelled: "Library").get(), json: try JSONSample.parse(json).get(), placement: .file("sample.json")))
        XCTAssertEqual(learner.findings.diagnostics.all.map(\.description), [])
        XCTAssertEqual(learner.settings(current: settled).nullable.map(\.spelled), [])
    }

    /// Two samples that give one field different keys decide nothing for it: no override is
    /// written, it does not count for the style, and the warning says which key it keeps.
    /// What the samples agree on is still learned.
    func testAFieldTheSamplesGiveTwoKeysIsNotWrittenAndTheRestIs() throws {
        let graph = TestSupport.generate(Self.docs).graph
        var learner = KeyLearner(graph: graph)
        for (type, text) in [("Tag", #"{"tag_id": 1}"#), ("Tag", #"{"TagId": 2}"#), ("Song", #"{"track_title": "a"}"#), ("Item", #"{"rating_key": "r", "guid": "g"}"#), ("Video", #"{"FrameRate": 24}"#)] {
            learner.learn(PayloadSample(type: try graph.model(spelled: type).get(), json: try JSONSample.parse(text).get(), placement: .file("s.json")))
        }
        let learned = learner.settings(current: WireSettings())
        XCTAssertEqual(learned.problems.all.map(\.description), [
            "s.json:1:2: warning: `shared.Tag.tagId` arrives under 2 keys: `tag_id` at s.json:1:2, `TagId` at s.json:1:2; a field has one key, so no key is learned for it and it keeps the key `tag_id`",
        ])
        XCTAssertEqual(learned.disagreements.map(\.spelled), ["shared.Tag.tagId"])
        XCTAssertEqual(learned.keyStyle, .snakeCase)
        XCTAssertEqual(learned.keyOverrides.map(\.yamlEntry), ["shared.Video.frameRate: FrameRate"])
        XCTAssertEqual(learned.fieldsSeen, 4)
        XCTAssertEqual(learned.yaml, """
            # learn-keys: 5 samples, 4 fields seen; `snake_case` gives 3 of them their key
            # not learned: 1 field the samples give different keys
            wireKeys: snake_case
            keyOverrides:
              shared.Video.frameRate: FrameRate

            """)
    }
}
