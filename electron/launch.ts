console.log("launch")
