import Vapor
import Fluent
import Plot
import Storage
